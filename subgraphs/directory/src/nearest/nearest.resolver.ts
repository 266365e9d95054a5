import { Arg, Ctx, Float, Int, Query, Resolver } from "type-graphql";
import { BadUserInputError } from "../../../../platform/src/errors";
import { Role } from "../../../../platform/src/identity";
import type { DirectoryContext } from "../context";
import { CoordinatePrecision, Membership, ProcedureCode, RepresentationKind, type Country } from "../entities";
import { countryCode, countryCodes } from "../validation";
import { nearestPlace, nearestPlaceIn } from "../places/gazetteer";
import { sideOfTheLine } from "../places/side-of-the-line";
import { placeDivision, toPlaceCandidates } from "../places/place-candidates";
import { type GazetteerMatch, resolvePlaceQuery } from "../places/place-resolver";
import { type PlaceDivision, type PlaceKind, PlaceMatch } from "../places/places.types";
import type { OfficeSnapshot } from "./office-index";
import { rankNearest } from "./nearest.service";
import { NearestRepresentations, NearInput } from "./nearest.types";

interface Where {
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  population: number | null;
  matchedBy: PlaceMatch;
  /** The gazetteer's kind of place; null for coordinates. */
  kind: PlaceKind | null;
  division: PlaceDivision | null;
  /** Other gazetteer matches, made GraphQL objects with the answer's countries (one batch). */
  others: GazetteerMatch[];
}

/** The query officials at a border post live on. */
@Resolver()
export class NearestResolver {
  @Query(() => NearestRepresentations, {
    description: "For each presumed nationality, the nearest offices that can act in the place's country (resident or concurrently accredited) first, then the nearest others. Active offices only.",
  })
  async nearestRepresentations(
    @Ctx() ctx: DirectoryContext,
    @Arg("nationalities", () => [String], { description: '1 to 10 ISO alpha-2 codes, e.g. ["BD", "NP"] when unsure.' }) nationalities: string[],
    @Arg("near", () => NearInput) near: NearInput,
    @Arg("procedure", () => ProcedureCode, { nullable: true, description: "Only offices that handle it (any basis)." }) procedure?: ProcedureCode,
    @Arg("kinds", () => [RepresentationKind], { nullable: true }) kinds?: RepresentationKind[],
    @Arg("first", () => Int, { defaultValue: 5, description: "Results per nationality, 1 to 50." }) first = 5,
    @Arg("maxDistanceKm", () => Float, { nullable: true, description: "Kilometres, more than 0; no limit when left out." }) maxDistanceKm?: number,
  ): Promise<NearestRepresentations> {
    if (!nationalities.length || nationalities.length > 10) throw new BadUserInputError("nationalities", "give 1 to 10 country codes");
    const codes = (await countryCodes(nationalities, "nationalities", ctx.loaders)) as string[];
    if (!Number.isInteger(first) || first < 1 || first > 50) throw new BadUserInputError("first", `must be an integer from 1 to 50, got ${first}`);
    if (maxDistanceKm !== undefined && maxDistanceKm !== null && !(maxDistanceKm > 0)) throw new BadUserInputError("maxDistanceKm", "must be positive");
    const snapshot = await ctx.offices.current(ctx.directoryRevision);
    const place = await this.resolve(ctx, near, snapshot);
    const ranked = await rankNearest(snapshot, {
      nationalities: [...new Set(codes)],
      placeCountry: place.country,
      latitude: place.latitude,
      longitude: place.longitude,
      procedure,
      kinds,
      first,
      maxDistanceKm: maxDistanceKm ?? undefined,
    });
    const ids = [...ranked.values()].flat().map((c) => c.id);
    const reps = new Map((await ctx.loaders.representationById.loadMany(ids)).flatMap((r) => (r && !(r instanceof Error) ? [[r.id, r] as const] : [])));
    const [countries, alternatives] = await Promise.all([ctx.loaders.countryByCode.loadMany([place.country, ...codes]), toPlaceCandidates(place.others, ctx.loaders)]);
    const country = (code: string) => countries.find((c) => c && !(c instanceof Error) && c.code === code) as never;
    return {
      place: {
        name: place.name,
        country: country(place.country),
        latitude: place.latitude,
        longitude: place.longitude,
        population: place.population,
        matchedBy: place.matchedBy,
        kind: place.kind,
        division: place.division,
        alternatives,
      },
      byNationality: [...new Set(codes)].map((code) => {
        const results = (ranked.get(code) ?? []).flatMap((c) => {
          const representation = reps.get(c.id);
          if (!representation) return [];
          return [
            {
              representation,
              distanceKm: c.distanceKm === null ? null : Math.round(c.distanceKm * 10) / 10,
              coversLocation: c.basis !== "NONE",
              basis: c.basis,
              coordinatePrecision: (c.precision as CoordinatePrecision | null) ?? null,
            },
          ];
        });
        const anyCovers = results.some((r) => r.coversLocation);
        const facts = {
          isCrmMember: (country(code) as Country | undefined)?.crmMembership === Membership.MEMBER,
          officesAnywhere: ctx.offices.countOf(code),
          results: results.length,
          anyCovers,
          placeCountry: place.country,
        };
        return { nationality: country(code), anyCovers, results, facts };
      }),
    };
  }

  private async resolve(ctx: DirectoryContext, near: NearInput, snapshot: OfficeSnapshot): Promise<Where> {
    const hasPoint = near.latitude !== undefined && near.latitude !== null && near.longitude !== undefined && near.longitude !== null;
    const explicit = near.country ? await countryCode(near.country, "near.country", ctx.loaders) : undefined;
    if (hasPoint === Boolean(near.place?.trim())) throw new BadUserInputError("near", "give either latitude and longitude, or a place name");
    if (hasPoint) {
      const latitude = near.latitude as number;
      const longitude = near.longitude as number;
      if (!(Math.abs(latitude) <= 90)) throw new BadUserInputError("near.latitude", `${latitude} is not from -90 to 90`);
      if (!(Math.abs(longitude) <= 180)) throw new BadUserInputError("near.longitude", `${longitude} is not from -180 to 180`);
      const closest = nearestPlace(latitude, longitude);
      if (explicit) return { name: `${latitude}, ${longitude}`, country: explicit, latitude, longitude, population: null, matchedBy: PlaceMatch.COORDINATES, kind: null, division: null, others: [] };
      const side = sideOfTheLine(latitude, longitude, closest, snapshot.region, ctx.identity.role === Role.OFFICIAL ? ctx.identity.country : undefined);
      const town = side.country === closest.country ? closest : (nearestPlaceIn(side.country, latitude, longitude, 50) ?? closest);
      return {
        name: `${latitude}, ${longitude} (near ${town.name})`,
        country: side.country,
        latitude,
        longitude,
        population: null,
        matchedBy: PlaceMatch.COORDINATES,
        kind: null,
        division: null,
        others: side.others,
      };
    }
    const [best, ...others] = resolvePlaceQuery({
      text: near.place as string,
      field: "near.place",
      country: explicit,
      defaultCountry: ctx.identity.role === Role.OFFICIAL ? ctx.identity.country : undefined,
      region: snapshot.region,
      crm: snapshot.crm,
      limit: 6,
    });
    const { place } = best;
    return {
      name: place.name,
      country: place.country,
      latitude: place.latitude,
      longitude: place.longitude,
      population: place.population || null,
      matchedBy: best.matchedBy as PlaceMatch,
      kind: place.kind as PlaceKind,
      division: placeDivision(place),
      others,
    };
  }
}
