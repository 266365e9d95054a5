import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Lang } from "../../../../platform/src/lang";
import type { DirectoryContext } from "../context";
import { Procedure } from "../entities";
import { localized } from "../labels";

@Resolver(() => Procedure)
export class ProcedureResolver {
  @Query(() => [Procedure], { description: "The catalogue of consular procedures, in catalogue order." })
  async procedures(@Ctx() ctx: DirectoryContext): Promise<Procedure[]> {
    return ctx.dataSource.getRepository(Procedure).find({ order: { position: "ASC" } });
  }

  @FieldResolver(() => String, { description: "Label in the language asked (argument, else Accept-Language, else Spanish)." })
  label(@Root() procedure: Procedure, @Ctx() ctx: DirectoryContext, @Arg("lang", () => Lang, { nullable: true }) lang?: Lang): string {
    return localized(procedure, "label", lang ?? ctx.lang);
  }
}
