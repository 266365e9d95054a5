import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Lang } from "../../../../platform/src/lang";
import { KIND_LABELS } from "../labels";
import type { RepresentationKind } from "../entities";
import { requireRole } from "../../../kit/src/access";
import { Role } from "../../../../platform/src/identity";
import { RestrictedTo } from "../../../kit/src/restricted";
import type { DirectoryContext } from "../context";
import { dataQualityReport } from "./data-quality";
import { DataQuality, QualityOffice } from "./data-quality.types";
import { CountryTable, countryTables } from "../country-tables/completeness";

@Resolver()
export class DataQualityResolver {
  @RestrictedTo(Role.SECRETARIAT)
  @Query(() => DataQuality, {
    description:
      "SECRETARIAT only: what in the directory needs a human — offices without a position or outside their host, likely duplicates, offices no procedure filter returns, unverified for a year, without contact channels; main extra-regional nationalities with no office in the region; known doubtful rows. The same report as `npm run data:check`.",
  })
  async dataQuality(@Ctx() ctx: DirectoryContext): Promise<DataQuality> {
    requireRole(ctx.identity, [Role.SECRETARIAT], "dataQuality");
    return dataQualityReport(ctx.dataSource);
  }

  @RestrictedTo(Role.SECRETARIAT)
  @Query(() => [CountryTable], {
    description:
      "SECRETARIAT only: per CRM member state, how its part of the directory is kept — offices hosted, verified and confirmed by its officials in the last 12 months, with a phone, with confirmed procedures, its last confirmation; oldest first (the reminder list).",
  })
  async countryTables(@Ctx() ctx: DirectoryContext): Promise<CountryTable[]> {
    requireRole(ctx.identity, [Role.SECRETARIAT], "countryTables");
    return countryTables(ctx.dataSource);
  }
}

/** The kind of a listed office in words, in the language asked (as for labels): the page never shows a code. */
@Resolver(() => QualityOffice)
export class QualityOfficeResolver {
  @FieldResolver(() => String, { description: "Label of the kind of office in the language asked." })
  kindLabel(@Root() o: QualityOffice, @Ctx() ctx: DirectoryContext, @Arg("lang", () => Lang, { nullable: true }) lang?: Lang): string {
    return KIND_LABELS[o.kind as RepresentationKind]?.[lang ?? ctx.lang] ?? o.kind;
  }
}
