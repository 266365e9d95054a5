import { findCity } from "../geo/city-lookup";

/**
 * Other names of an office's city, so that "Nueva York" finds the consulates in New York:
 * the GeoNames place the city names in its host country (geo/city-lookup.ts, the bundled
 * cities500 extract, CC BY 4.0). Its alternate names carry no language, so every name in
 * Latin script is kept (Spanish, English, French, Portuguese and others), and codes such as
 * "NYC" are not.
 */
const LATIN = /^[\p{Script=Latin}\p{M}0-9 '’.\-()]+$/u;
const CODE = /^[A-Z0-9]{2,4}$/;

/** The city's names in Latin script, the given one first; just the given one when GeoNames has no such place. */
export function cityNames(city: string | null, country: string): string[] {
  if (!city) return [];
  const place = findCity(city, country);
  const names = place ? [place.name, ...place.alternateNames].filter((n) => LATIN.test(n) && !CODE.test(n)) : [];
  return [...new Set([city, ...names])];
}
