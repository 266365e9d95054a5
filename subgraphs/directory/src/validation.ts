import { BadUserInputError } from "../../../platform/src/errors";
import type { Loaders } from "./loaders";

/**
 * Country codes from clients: ISO 3166-1 alpha-2, any case. An unknown code is an error
 * naming the field, never an empty result that looks like "no offices".
 */
export async function countryCodes(codes: string[] | null | undefined, field: string, loaders: Loaders): Promise<string[] | undefined> {
  if (codes === null || codes === undefined) return undefined;
  const normalized = codes.map((code) => code.trim().toUpperCase());
  const countries = await loaders.countryByCode.loadMany(normalized.filter((code) => /^[A-Z]{2}$/.test(code)));
  const known = new Set(countries.flatMap((country) => (country && !(country instanceof Error) ? [country.code] : [])));
  const unknown = codes.filter((_, i) => !known.has(normalized[i]));
  if (unknown.length) {
    throw new BadUserInputError(field, `unknown ISO 3166-1 alpha-2 country code${unknown.length > 1 ? "s" : ""}: ${unknown.map((c) => JSON.stringify(c)).join(", ")}`);
  }
  return normalized;
}

export async function countryCode(code: string, field: string, loaders: Loaders): Promise<string> {
  const [normalized] = (await countryCodes([code], field, loaders)) as string[];
  return normalized;
}
