import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { personal, secretariatOnly } from "../access";
import type { RosterContext } from "../context";
import { FocalPoint } from "../entities/focal-point.entity";

/** The personal fields of a focal point, each checked against the caller's role. */
@Resolver(() => FocalPoint)
export class FocalPointFieldsResolver {
  @FieldResolver(() => String, { nullable: true, description: "Personal: SECRETARIAT; OFFICIAL while active; PARTNER when shared with it." })
  personName(@Root() fp: FocalPoint, @Ctx() ctx: RosterContext): string {
    return personal(ctx.identity, fp, "personName", fp.personName);
  }

  @FieldResolver(() => String, { nullable: true, description: "Personal, as personName." })
  position(@Root() fp: FocalPoint, @Ctx() ctx: RosterContext): string | null {
    return personal(ctx.identity, fp, "position", fp.position);
  }

  @FieldResolver(() => [String], { nullable: true, description: "Personal, as personName." })
  emails(@Root() fp: FocalPoint, @Ctx() ctx: RosterContext): string[] {
    return personal(ctx.identity, fp, "emails", fp.emails);
  }

  @FieldResolver(() => [String], { nullable: true, description: "Personal, as personName. E.164." })
  phones(@Root() fp: FocalPoint, @Ctx() ctx: RosterContext): string[] {
    return personal(ctx.identity, fp, "phones", fp.phones);
  }

  @FieldResolver(() => [String], { nullable: true, description: "Partner conferences it is shared with (SECRETARIAT)." })
  sharedWith(@Root() fp: FocalPoint, @Ctx() ctx: RosterContext): string[] {
    return secretariatOnly(ctx.identity, "sharedWith", fp.sharedWith);
  }
}
