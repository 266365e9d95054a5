import countries from "i18n-iso-countries";
import { BadUserInputError } from "./errors";

/**
 * A plausible e-mail address: a dot-atom local part (RFC 5322: letters, digits and
 * !#$%&'*+/=?^_`{|}~.- , no quotes, brackets or spaces), one @, a domain of labels with a
 * dot. A local part that starts like a spreadsheet formula (= + - @) is refused too:
 * `=HYPERLINK("…")@x.org` is no address.
 */
export const isEmail = (value: string): boolean =>
  value.length <= 254 && /^(?![=+\-@])[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(value);

/**
 * Characters no name, city, address or comment may hold: control characters (but tab and
 * line breaks), and the bidirectional overrides and isolates that make text read
 * differently from how it is stored (a right-to-left override shows "evil.example" as
 * "elpmaxe.live" on a review page).
 */
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** The first unsafe character of a text, as U+XXXX, or null. */
export function unsafeCharacter(value: string): string | null {
  const match = UNSAFE_TEXT.exec(value);
  return match ? `U+${match[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0")}` : null;
}

/** Refuses text holding a control or bidirectional-override character, naming the field and the character. */
export function checkSafeText(value: string, field: string): string {
  const bad = unsafeCharacter(value);
  if (bad) throw new BadUserInputError(field, `holds the control or bidirectional-override character ${bad}; remove it`);
  return value;
}

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
