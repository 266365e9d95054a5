import { GraphQLJSON } from "graphql-scalars";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { RestrictedTo } from "../../../kit/src/restricted";
import { Role } from "../../../../platform/src/identity";
import { toJCard, toVCard } from "../../../../platform/src/contact-card/vcard";
import { cardOf } from "../card";
import { personal, secretariatOnly } from "../access";
import { FieldChange, fieldChanges } from "../../../kit/src/field-change";
import { RosterAudit } from "../entities/roster-audit.entity";
import { RepresentationReference } from "../entities/representation.reference";
import type { RosterContext } from "../context";
import { FocalPoint } from "../entities/focal-point.entity";

/** The personal fields of a focal point, each checked against the caller's role. */
@Resolver(() => FocalPoint)
export class FocalPointFieldsResolver {
  @RestrictedTo(Role.OFFICIAL, Role.PARTNER, Role.SECRETARIAT)
  @FieldResolver(() => String, { nullable: true, description: "Personal: SECRETARIAT; OFFICIAL while active; PARTNER when shared with it." })
  personName(@Root() fp: FocalPoint, @Ctx() ctx: RosterContext): string {
    return personal(ctx.identity, fp, "personName", fp.personName);
  }

  @RestrictedTo(Role.OFFICIAL, Role.PARTNER, Role.SECRETARIAT)
  @FieldResolver(() => String, { nullable: true, description: "Personal, as personName." })
  position(@Root() fp: FocalPoint, @Ctx() ctx: RosterContext): string | null {
    return personal(ctx.identity, fp, "position", fp.position);
  }

  @RestrictedTo(Role.OFFICIAL, Role.PARTNER, Role.SECRETARIAT)
  @FieldResolver(() => [String], { nullable: true, description: "Personal, as personName." })
  emails(@Root() fp: FocalPoint, @Ctx() ctx: RosterContext): string[] {
    return personal(ctx.identity, fp, "emails", fp.emails);
  }

  @RestrictedTo(Role.OFFICIAL, Role.PARTNER, Role.SECRETARIAT)
  @FieldResolver(() => [String], { nullable: true, description: "Personal, as personName. E.164." })
  phones(@Root() fp: FocalPoint, @Ctx() ctx: RosterContext): string[] {
    return personal(ctx.identity, fp, "phones", fp.phones);
  }

  @RestrictedTo(Role.OFFICIAL, Role.PARTNER, Role.SECRETARIAT)
  @FieldResolver(() => String, { nullable: true, description: "The focal point as a vCard 4.0 (RFC 6350). Personal, as personName." })
  vcard(@Root() fp: FocalPoint, @Ctx() ctx: RosterContext): string {
    return personal(ctx.identity, fp, "vcard", toVCard(cardOf(fp, ctx.identity)));
  }

  @RestrictedTo(Role.OFFICIAL, Role.PARTNER, Role.SECRETARIAT)
  @FieldResolver(() => GraphQLJSON, { nullable: true, description: "The focal point as jCard (RFC 7095). Personal, as personName." })
  jcard(@Root() fp: FocalPoint, @Ctx() ctx: RosterContext): unknown {
    return personal(ctx.identity, fp, "jcard", toJCard(cardOf(fp, ctx.identity)));
  }

  @RestrictedTo(Role.SECRETARIAT)
  @FieldResolver(() => [RosterAudit], { nullable: true, description: "Nominated, updated, replaced, ended: who, when, what changed; newest first (SECRETARIAT)." })
  async history(@Root() fp: FocalPoint, @Ctx() ctx: RosterContext): Promise<RosterAudit[]> {
    secretariatOnly(ctx.identity, "history", null);
    return ctx.loaders.historyByFocalPoint.load(fp.id);
  }

  @FieldResolver(() => RepresentationReference, { nullable: true, description: "For a consular liaison: the office (resolved by the directory)." })
  representation(@Root() fp: FocalPoint): RepresentationReference | null {
    return fp.representationId ? { id: fp.representationId } : null;
  }

  @RestrictedTo(Role.SECRETARIAT)
  @FieldResolver(() => [String], { nullable: true, description: "Partner conferences it is shared with (SECRETARIAT)." })
  sharedWith(@Root() fp: FocalPoint, @Ctx() ctx: RosterContext): string[] {
    return secretariatOnly(ctx.identity, "sharedWith", fp.sharedWith);
  }
}

@Resolver(() => RosterAudit)
export class FocalPointEventResolver {
  @FieldResolver(() => [FieldChange])
  changes(@Root() event: RosterAudit): FieldChange[] {
    return fieldChanges(event.changes);
  }
}

/** Contributed by the roster to the directory's Representation: its consular liaisons. */
@Resolver(() => RepresentationReference)
export class RepresentationContactsResolver {
  @FieldResolver(() => [FocalPoint], {
    nullable: true, // the office still answers when the roster is down
    description: "Consular liaison focal points at this office (roster); personal fields as for any focal point. Null, with an error naming the service, when the roster is unavailable.",
  })
  contacts(@Root() rep: RepresentationReference, @Ctx() ctx: RosterContext): Promise<FocalPoint[]> {
    return ctx.loaders.contactsByRepresentation.load(rep.id);
  }
}
