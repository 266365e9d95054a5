import opening_hours from "opening_hours";
import { isEmail, checkSafeText } from "../../../../platform/src/formats";
import { BadUserInputError } from "../../../../platform/src/errors";
import { normalizePhone } from "../../../../platform/src/phones";
import type { RepresentationKind } from "../entities";
import type { RepresentationChanges } from "./edit.types";

export function checkUrl(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new BadUserInputError(field, `"${value}" is not a URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new BadUserInputError(field, `"${value}" must be an http or https URL`);
  return url.toString();
}

/**
 * Opening hours in OpenStreetMap syntax, checked by the opening_hours library. It needs
 * the country for public holidays (PH) and knows none for some CRM states (CR, PA): the
 * syntax is then checked with Mexico's holidays instead of refusing a valid value.
 */
export function checkOpeningHours(value: string, hostCountry: string, field = "input.openingHours"): string {
  const check = (country: string) => new opening_hours(value, { lat: 0, lon: 0, address: { country_code: country.toLowerCase(), state: "" } } as never);
  try {
    check(hostCountry);
  } catch (error) {
    const message = String(error);
    if (!/no holidays|state/i.test(message)) throw new BadUserInputError(field, `"${value}" is not valid opening_hours syntax: ${message.split("\n")[0].slice(0, 160)}`);
    try {
      check("MX");
    } catch (again) {
      throw new BadUserInputError(field, `"${value}" is not valid opening_hours syntax: ${String(again).split("\n")[0].slice(0, 160)}`);
    }
  }
  return value.trim();
}

export interface CheckedChanges {
  kind?: RepresentationKind;
  city?: string | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  phones?: { e164: string | null; raw: string }[];
  emails?: string[];
  website?: string | null;
  openingHours?: string | null;
  languages?: string[];
  concurrent?: string[];
  source?: string | null;
}

/**
 * Blank is not a value: `city: "   "` used to clear the city silently. Clearing a field is
 * explicit (null); a blank string, or a blank item of a list, is an error naming it.
 */
function rejectBlanks(input: RepresentationChanges, path: string): void {
  for (const [field, value] of Object.entries(input)) {
    const items = Array.isArray(value) ? value.map((v, i) => [`${path}.${field}[${i}]`, v] as const) : [[`${path}.${field}`, value] as const];
    for (const [name, item] of items) {
      if (typeof item === "string" && !item.trim()) throw new BadUserInputError(name, "is blank; send null to clear a field, or leave it out to keep it");
      if (typeof item === "string") checkSafeText(item, name);
    }
  }
}

/**
 * Validates every given field and returns them normalised. The first bad field is an
 * error naming it (`input.phones[1]`); nothing is written before all fields pass.
 * Country codes are checked by the caller against the directory's countries.
 */
export function checkChanges(input: RepresentationChanges, hostCountry: string, path = "input"): CheckedChanges {
  rejectBlanks(input, path);
  const out: CheckedChanges = {};
  const text = (value: string | null | undefined, field: string, max = 500) => {
    if (value === null || value === undefined) return null;
    const trimmed = value.trim();
    if (trimmed.length > max) throw new BadUserInputError(`${path}.${field}`, `at most ${max} characters`);
    return trimmed;
  };
  if (input.kind !== undefined && input.kind !== null) out.kind = input.kind;
  if (input.city !== undefined) out.city = text(input.city, "city", 120);
  if (input.address !== undefined) out.address = text(input.address, "address");
  if (input.coordinates !== undefined) {
    const c = input.coordinates;
    if (c && !(Math.abs(c.latitude) <= 90)) throw new BadUserInputError(`${path}.coordinates.latitude`, `${c.latitude} is not from -90 to 90`);
    if (c && !(Math.abs(c.longitude) <= 180)) throw new BadUserInputError(`${path}.coordinates.longitude`, `${c.longitude} is not from -180 to 180`);
    out.latitude = c?.latitude ?? null;
    out.longitude = c?.longitude ?? null;
  }
  if (input.phones !== undefined) {
    out.phones = (input.phones ?? []).map((raw, i) => {
      const phone = normalizePhone(raw, hostCountry);
      if (!phone.e164) throw new BadUserInputError(`${path}.phones[${i}]`, `"${raw}" is not a valid phone number (E.164, e.g. +50622892226, or a number of the host country)`);
      return phone;
    });
  }
  if (input.emails !== undefined) {
    out.emails = (input.emails ?? []).map((email, i) => {
      if (!isEmail(email.trim())) throw new BadUserInputError(`${path}.emails[${i}]`, `"${email}" is not an e-mail address`);
      return email.trim();
    });
  }
  if (input.website !== undefined) out.website = input.website === null ? null : checkUrl(input.website, `${path}.website`);
  if (input.openingHours !== undefined) out.openingHours = input.openingHours === null ? null : checkOpeningHours(input.openingHours, hostCountry, `${path}.openingHours`);
  if (input.languages !== undefined) {
    out.languages = (input.languages ?? []).map((tag, i) => {
      try {
        return Intl.getCanonicalLocales(tag)[0];
      } catch {
        throw new BadUserInputError(`${path}.languages[${i}]`, `"${tag}" is not a BCP 47 language tag`);
      }
    });
  }
  if (input.concurrentAccreditation !== undefined) out.concurrent = (input.concurrentAccreditation ?? []).map((c) => c.trim().toUpperCase());
  if (input.source !== undefined) out.source = input.source === null ? null : checkUrl(input.source, `${path}.source`);
  return out;
}
