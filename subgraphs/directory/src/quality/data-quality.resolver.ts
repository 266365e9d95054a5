import { Ctx, Query, Resolver } from "type-graphql";
import { requireRole } from "../../../shared/src/access";
import { Role } from "../../../shared/src/identity";
import { RestrictedTo } from "../../../shared/src/restricted";
import type { DirectoryContext } from "../context";
import { dataQualityReport } from "./data-quality";
import { DataQuality } from "./data-quality.types";

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
}
