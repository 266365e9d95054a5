import countries from "i18n-iso-countries";
import { type Division, divisionsFromText } from "./divisions";

import { isSearchable, placeKey } from "./place-key";
export { isSearchable, placeKey };

const LANGUAGES = ["es", "en", "fr", "pt"] as const;
let countryKeys: Map<string, string> | undefined;

/** Folded country names in es/en/fr/pt (official and short forms), alpha-2 and alpha-3 → alpha-2. */
function countriesByKey(): Map<string, string> {
  if (!countryKeys) {
    countryKeys = new Map();
    for (const code of Object.keys(countries.getAlpha2Codes())) {
      const keys = [code, countries.alpha2ToAlpha3(code) ?? "", ...LANGUAGES.flatMap((lang) => countries.getName(code, lang, { select: "all" }) ?? [])];
      for (const key of keys.map(placeKey).filter(Boolean)) if (!countryKeys.has(key)) countryKeys.set(key, code);
    }
  }
  return countryKeys;
}

/** The alpha-2 code a country name or code stands for, in any of the four languages; undefined if none. */
export function countryFromText(text: string): string | undefined {
  return countriesByKey().get(placeKey(text));
}

export interface PlaceText {
  /** The place part, as typed. */
  name: string;
  /** The country the text names after the place ("San José, Costa Rica", "San José (CR)"). */
  country?: string;
  /** The first-level divisions the text names after the place ("Tonalá, Chiapas", "Tonalá (Chis.)"), as typed and as found. */
  division?: { text: string; divisions: Division[] };
}

/**
 * Splits "Name, Country" and "Name (Country)". The trailing part counts as a country only
 * when it is one ("Washington, D.C." stays a place name). The first of `placeReadings`.
 */
export function parsePlaceText(text: string): PlaceText {
  return placeReadings(text)[0];
}

/**
 * The ways a typed place can be read, the likeliest first: "Name, Country", "Name, State",
 * "Name, State, Country" and "Name (Country)" / "Name (State)", with states by name in
 * es/en/fr/pt, usual abbreviation ("Chis.", "TX") or ISO 3166-2 code (divisions.ts). A
 * trailing part that is both a country and a state ("San Diego, CA": Canada or California)
 * is read as the country first, the state second. A part that is neither leaves the text
 * whole, as before.
 */
export function placeReadings(text: string): PlaceText[] {
  const trimmed = text.trim();
  const readings: PlaceText[] = [];
  const three = /^(.+?)\s*,\s*([^,]+?)\s*,\s*([^,]+)$/.exec(trimmed);
  if (three) {
    const country = countryFromText(three[3]);
    const divisions = country ? divisionsFromText(three[2]) : [];
    if (country && divisions.length) readings.push({ name: three[1].trim(), country, division: { text: three[2].trim(), divisions } });
  }
  const match = /^(.+?)\s*(?:\(([^()]+)\)|,\s*([^,]+))$/.exec(trimmed);
  if (match) {
    const tail = (match[2] ?? match[3]).trim();
    const country = countryFromText(tail);
    if (country) readings.push({ name: match[1].trim(), country });
    const divisions = divisionsFromText(tail);
    if (divisions.length) readings.push({ name: match[1].trim(), division: { text: tail, divisions } });
  }
  if (!readings.length) readings.push({ name: trimmed });
  return readings;
}
