import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

export interface PhoneValue {
  e164: string | null;
  raw: string;
}

/**
 * Normalises a phone as a source wrote it to E.164, reading national formats as numbers
 * of the country the office sits in. Keeps the raw text always, and only the raw text
 * when libphonenumber does not find a valid number in it.
 */
export function normalizePhone(raw: string, hostCountry: string): PhoneValue {
  const text = raw.trim();
  const parsed = parsePhoneNumberFromString(text, hostCountry as CountryCode);
  return { e164: parsed && parsed.isValid() ? parsed.number : null, raw: text };
}

/** Sources sometimes put several numbers in one cell, separated by ";" or " / ". */
export function normalizePhones(cell: string, hostCountry: string): PhoneValue[] {
  return cell
    .split(/\s*(?:;|\s\/\s)\s*/)
    .filter((part) => part.trim() !== "")
    .map((part) => normalizePhone(part, hostCountry));
}
