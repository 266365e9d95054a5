import countries from "i18n-iso-countries";
import { BadUserInputError } from "./errors";

/** A plausible e-mail address: one @, a dot in the domain, no spaces. */
export const isEmail = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** A calendar date, YYYY-MM-DD (2026-02-30 is refused). */
export function checkDate(value: string, field: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new BadUserInputError(field, `"${value}" is not a date (YYYY-MM-DD)`);
  }
  return value;
}

/** An ISO 3166-1 alpha-2 code, upper case (the subgraphs that do not own the country table check with this). */
export const isCountryCode = (code: string): boolean => /^[A-Z]{2}$/.test(code) && countries.isValid(code);

/** A BCP 47 language tag in canonical form ("es-cl" → "es-CL"), or null when it is not one. */
export function canonicalLanguage(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? null;
  } catch {
    return null;
  }
}
