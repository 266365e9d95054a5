import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { Lang } from "../../../../platform/src/lang";
import { BadUserInputError } from "../../../../platform/src/errors";
import { Role } from "../../../../platform/src/identity";
import type { DirectoryContext } from "../context";
import { countryCode } from "../validation";
import { toPlaceCandidates } from "./place-candidates";
import { resolvePlaceQuery } from "./place-resolver";
import { PlaceCandidate, PlaceDivision } from "./places.types";
import { offlinePlaceIndex } from "./offline-index";

/** The place resolver of `nearestRepresentations`, as a query: a page's place autocomplete. */
@Resolver()
export class PlacesResolver {
  @Query(() => String, {
    description:
      "The lookup's offline place index (JSON text): `places`, the CRM region's border posts, reception points and towns, each as [name, country, latitude, longitude, kind, population, [other folded names], admin1]; `divisions`, the CRM member states' first-level divisions, each as [country, admin1, ISO 3166-2 code, {es, en, fr, pt} names, [folded names, abbreviations and code]]. Public; the web pages keep it on a phone.",
  })
  offlinePlaceIndex(): string {
    return offlinePlaceIndex();
  }

  @Query(() => [PlaceCandidate], {
    description:
      'Gazetteer places matching a name, ranked as `nearestRepresentations` ranks them (its answer first): a country (given, named as "Name, Country", or an official\'s own) is a constraint, and so is a state, province or department ("Name, State", "Name, State, Country", "Name (State)"); without one the CRM region comes first. Namesakes come with their `division`. Nothing found: BAD_USER_INPUT with `extensions.suggestions`.',
  })
  async places(
    @Ctx() ctx: DirectoryContext,
    @Arg("search", { description: 'A place name as typed, or its beginning: "tapach", "San José, Costa Rica", "Tecún Umán (GT)", "Tonalá, Chiapas", "El Paso, TX".' }) search: string,
    @Arg("country", () => String, { nullable: true, description: "ISO alpha-2: only places there." }) country?: string,
    @Arg("first", () => Int, { defaultValue: 5, description: "1 to 20." }) first = 5,
  ): Promise<PlaceCandidate[]> {
    if (!Number.isInteger(first) || first < 1 || first > 20) throw new BadUserInputError("first", `must be an integer from 1 to 20, got ${first}`);
    if (!search.trim() || search.length > 200) throw new BadUserInputError("search", "give 1 to 200 characters");
    const explicit = country ? await countryCode(country, "country", ctx.loaders) : undefined;
    const { region, crm } = await ctx.offices.current(ctx.directoryRevision);
    const matches = resolvePlaceQuery({
      text: search,
      field: "search",
      country: explicit,
      defaultCountry: ctx.identity.role === Role.OFFICIAL ? ctx.identity.country : undefined,
      region,
      crm,
      limit: first,
    });
    return toPlaceCandidates(matches, ctx.loaders);
  }
}

@Resolver(() => PlaceDivision)
export class PlaceDivisionResolver {
  @FieldResolver(() => String, { description: 'Name in the language asked (argument, else Accept-Language, else Spanish), as iso3166-2-db gives it: "Chiapas", "Provincia de Darién".' })
  name(@Root() division: PlaceDivision, @Ctx() ctx: DirectoryContext, @Arg("lang", () => Lang, { nullable: true }) lang?: Lang): string {
    return division.names[lang ?? ctx.lang];
  }
}
