import { Arg, Ctx, Float, Int, Query, Resolver } from "type-graphql";
import { BadUserInputError } from "../../../shared/src/errors";
import { Role } from "../../../shared/src/identity";
import type { DirectoryContext } from "../context";
import { CoordinatePrecision, ProcedureCode, RepresentationKind } from "../entities";
import { countryCode, countryCodes } from "../validation";
import { nearestPlace, resolvePlace, type Place } from "./gazetteer";
import { rankNearest } from "./nearest.service";
import { NearestRepresentations, NearInput } from "./nearest.types";

/** The query officials at a border post live on. */
@Resolver()
export class NearestResolver {
  @Query(() => NearestRepresentations, {
    description:
      "For each presumed nationality, the nearest offices that can act in the place's country (resident or concurrently accredited) first, then the nearest others. Active offices only.",
  })
  async nearestRepresentations(
    @Ctx() ctx: DirectoryContext,
    @Arg("nationalities", () => [String], { description: "1 to 10 ISO alpha-2 codes, e.g. [\"BD\", \"NP\"] when unsure." }) nationalities: string[],
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
    const place = await this.resolve(ctx, near);
    const ranked = await rankNearest(ctx.offices, {
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
    const countries = await ctx.loaders.countryByCode.loadMany([place.country, ...codes]);
    const country = (code: string) => countries.find((c) => c && !(c instanceof Error) && c.code === code) as never;
    return {
      place: { name: place.name, country: country(place.country), latitude: place.latitude, longitude: place.longitude, population: place.population },
      byNationality: [...new Set(codes)].map((code) => {
        const results = (ranked.get(code) ?? []).flatMap((c) => {
          const representation = reps.get(c.id);
          if (!representation) return [];
          return [{ representation, distanceKm: c.distanceKm === null ? null : Math.round(c.distanceKm * 10) / 10, coversLocation: c.basis !== "NONE", basis: c.basis, coordinatePrecision: (c.precision as CoordinatePrecision | null) ?? null }];
        });
        return { nationality: country(code), anyCovers: results.some((r) => r.coversLocation), results };
      }),
    };
  }

  private async resolve(ctx: DirectoryContext, near: NearInput): Promise<Omit<Place, "population"> & { population: number | null }> {
    const hasPoint = near.latitude !== undefined && near.latitude !== null && near.longitude !== undefined && near.longitude !== null;
    const explicit = near.country ? await countryCode(near.country, "near.country", ctx.loaders) : undefined;
    if (hasPoint === Boolean(near.place?.trim())) throw new BadUserInputError("near", "give either latitude and longitude, or a place name");
    if (hasPoint) {
      const latitude = near.latitude as number;
      const longitude = near.longitude as number;
      if (!(Math.abs(latitude) <= 90)) throw new BadUserInputError("near.latitude", `${latitude} is not from -90 to 90`);
      if (!(Math.abs(longitude) <= 180)) throw new BadUserInputError("near.longitude", `${longitude} is not from -180 to 180`);
      const closest = nearestPlace(latitude, longitude);
      return { name: explicit ? `${latitude}, ${longitude}` : `${latitude}, ${longitude} (near ${closest.name})`, country: explicit ?? closest.country, latitude, longitude, population: null };
    }
    const name = (near.place as string).trim();
    // An official's own country breaks ties between namesakes unless the query names one.
    const hint = explicit ?? (ctx.identity.role === Role.OFFICIAL ? ctx.identity.country : undefined);
    const place = resolvePlace(name, hint) ?? (explicit ? undefined : resolvePlace(name));
    if (!place) throw new BadUserInputError("near.place", `no place named "${name}"${explicit ? ` in ${explicit}` : ""} in the gazetteer; check the spelling or give coordinates`);
    return place;
  }
}
