import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RosterContext } from "../context";
import { CountryReference } from "../entities/country.reference";
import { FocalPointRole } from "../entities/enums";
import { FocalPoint } from "../entities/focal-point.entity";

/** Contributed by the roster to the directory's Country. */
@Resolver(() => CountryReference)
export class CountryFocalPointsResolver {
  @FieldResolver(() => [FocalPoint], {
    // Nullable: when the roster is down, the country from the directory still answers (partial data, an error naming the service).
    nullable: true,
    description: "The country's focal points (roster): active on the date (default today), of the role when given. Null, with an error naming the service, when the roster is unavailable.",
  })
  async focalPoints(
    @Root() country: CountryReference,
    @Ctx() ctx: RosterContext,
    @Arg("role", () => FocalPointRole, { nullable: true }) role?: FocalPointRole,
    @Arg("activeOn", () => String, { nullable: true, description: "YYYY-MM-DD" }) activeOn?: string,
  ): Promise<FocalPoint[]> {
    const on = activeOn ?? new Date().toISOString().slice(0, 10);
    const all = await ctx.loaders.focalPointsByCountry.load(country.code);
    return all.filter((fp) => (!role || fp.role === role) && fp.termStart <= on && (fp.termEnd === null || fp.termEnd >= on));
  }
}
