import type { Request } from "express";
import type { LookupPageQuery, ProcedureCode } from "../../../operations/generated/graphql";

/** The lookup's answer, as the page asks for it. */
export type Nearest = LookupPageQuery["nearestRepresentations"];
import { localHref, type PageContext } from "../components/layout";

/** The API takes 1 to 10 presumed nationalities. */
export const MAX_NATIONALITIES = 10;

export interface LookupQuery {
  nationalities: string[];
  tooManyNationalities?: boolean;
  place?: string;
  latitude?: number;
  longitude?: number;
  /** ISO alpha-2 of the place's country, when chosen (an official's own country by default). */
  country?: string;
  procedure?: ProcedureCode;
  /** Whether anything was asked (an empty form shows no error). */
  asked: boolean;
}

const code = (value: unknown) => (typeof value === "string" && /^[A-Za-z]{2}$/.test(value) ? value.toUpperCase() : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const coordinate = (value: unknown, limit: number) => {
  if (typeof value !== "string" || !/^-?\d{1,3}(\.\d{1,8})?$/.test(value.trim())) return undefined;
  const number = Number(value);
  return Math.abs(number) <= limit ? number : undefined;
};

/** The lookup's question from the URL; malformed parts are dropped rather than refused (a shared link must open). */
export function lookupQuery(query: Request["query"]): LookupQuery {
  const given = [
    ...new Set(
      list(query.nationality)
        .map(code)
        .filter((c): c is string => c !== undefined),
    ),
  ];
  const nationalities = given.slice(0, MAX_NATIONALITIES);
  const place = typeof query.place === "string" ? query.place.trim().slice(0, 200) : "";
  const latitude = coordinate(query.lat, 90);
  const longitude = coordinate(query.lon, 180);
  // A typed place wins over a position: it is the more deliberate answer (site.js clears
  // the place when the device's position is used, and the position when a place is typed).
  const located = !place && latitude !== undefined && longitude !== undefined;
  const procedure = typeof query.procedure === "string" && /^[A-Z_]{3,40}$/.test(query.procedure) ? (query.procedure as ProcedureCode) : undefined;
  return {
    nationalities,
    /** More nationalities than the API takes were asked: said beside the field, never dropped silently. */
    tooManyNationalities: given.length > MAX_NATIONALITIES,
    place: place || undefined,
    latitude: located ? latitude : undefined,
    longitude: located ? longitude : undefined,
    country: code(query.country),
    procedure,
    asked: nationalities.length > 0 || place !== "" || located || typeof query.lat === "string",
  };
}

/** The URL parameters of a question (for links that re-run the lookup). */
export function lookupParams(q: LookupQuery, change: Partial<LookupQuery> = {}): Record<string, string | string[] | undefined> {
  const next = { ...q, ...change };
  return {
    nationality: next.nationalities,
    place: next.place,
    lat: next.latitude?.toString(),
    lon: next.longitude?.toString(),
    country: next.country,
    procedure: next.procedure,
  };
}

/** An office's page, in the page's language. */
export const officeHref = (ctx: PageContext, id: string) => localHref(ctx, `/offices/${encodeURIComponent(id)}`);
