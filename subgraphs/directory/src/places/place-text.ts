import countries from "i18n-iso-countries";
import { foldText } from "../../../shared/src/text";

/** A name as a search key: case, accents and punctuation dropped ("Ciudad de Panamá" → "ciudad de panama", "D.F." → "d f"). */
export function placeKey(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, " ").trim();
}

/** Keys with no Latin letter (names in other scripts fold to nothing useful) are not indexed. */
export const isSearchable = (key: string) => /[a-z]/.test(key);

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
}

/**
 * Splits "Name, Country" and "Name (Country)". The trailing part counts as a country only
 * when it is one ("Washington, D.C." stays a place name).
 */
export function parsePlaceText(text: string): PlaceText {
  const trimmed = text.trim();
  const match = /^(.+?)\s*(?:\(([^()]+)\)|,\s*([^,]+))$/.exec(trimmed);
  const country = match && countryFromText(match[2] ?? match[3]);
  return country ? { name: match[1].trim(), country } : { name: trimmed };
}
