import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { canonicalLanguage, isCountryCode, isEmail, unsafeCharacter } from "../../../../platform/src/formats";
import { TOPICS, type ExchangeTopic } from "../entities/topics";
import type { PartnerContactInput } from "./batch.types";

export interface ValidContact {
  externalId: string;
  countryCode: string;
  topics: ExchangeTopic[];
  personName: string;
  position: string | null;
  institution: string;
  emails: string[];
  phones: string[];
  languages: string[];
}

export type Checked = { ok: true; contact: ValidContact } | { ok: false; field: string; reason: string };

const MAX_TEXT = 300;
const REPLACEMENT = "\uFFFD";

/** The first field holding U+FFFD: text already damaged by a wrong decoding (a Latin-1 "María" read as UTF-8), never to be stored. */
function damagedField(input: PartnerContactInput): string | null {
  for (const [field, value] of Object.entries(input) as [string, unknown][]) {
    if (typeof value === "string" && value.includes(REPLACEMENT)) return field;
    if (Array.isArray(value)) {
      const i = value.findIndex((v) => typeof v === "string" && v.includes(REPLACEMENT));
      if (i >= 0) return `${field}[${i}]`;
    }
  }
  return null;
}

/** Checks one row and normalises it (trimmed text, E.164 phones, canonical language tags, sorted topics). */
export function validateContact(input: PartnerContactInput, path: string): Checked {
  const fail = (field: string, reason: string): Checked => ({ ok: false, field: `${path}.${field}`, reason });
  const text = (value: string | null | undefined) => (value ?? "").trim();
  for (const [field, value] of Object.entries(input)) {
    for (const [i, item] of (Array.isArray(value) ? value : [value]).entries()) {
      const bad = typeof item === "string" ? unsafeCharacter(item) : null;
      if (bad) return fail(Array.isArray(value) ? `${field}[${i}]` : field, `holds the control or bidirectional-override character ${bad}; remove it`);
    }
  }
  const damaged = damagedField(input);
  if (damaged) return fail(damaged, "holds U+FFFD (\uFFFD), the mark of a character lost when the file was read with the wrong encoding; fix the file (save it as UTF-8) and send it again");
  const externalId = text(input.externalId);
  if (!externalId) return fail("externalId", "is required");
  if (externalId.length > 200) return fail("externalId", "is longer than 200 characters");
  const country = text(input.country).toUpperCase();
  if (!country) return fail("country", "is required");
  if (!isCountryCode(country)) return fail("country", `unknown ISO 3166-1 alpha-2 country code "${input.country}"`);
  const topics = [...new Set((input.topics ?? []).map((t) => t.trim().toUpperCase()))];
  if (!topics.length) return fail("topics", `give at least one of ${TOPICS.join(", ")}`);
  const badTopic = topics.find((t) => !TOPICS.includes(t));
  if (badTopic) return fail("topics", `"${badTopic}" is not a topic (${TOPICS.join(", ")})`);
  const personName = text(input.personName);
  if (!personName) return fail("personName", "is required");
  const institution = text(input.institution);
  if (!institution) return fail("institution", "is required");
  for (const [field, value] of [
    ["personName", personName],
    ["institution", institution],
    ["position", text(input.position)],
  ] as const) {
    if (value.length > MAX_TEXT) return fail(field, `is longer than ${MAX_TEXT} characters`);
  }
  const emails: string[] = [];
  for (const [i, e] of (input.emails ?? []).entries()) {
    if (!isEmail(e.trim())) return fail(`emails[${i}]`, `"${e}" is not an e-mail address`);
    emails.push(e.trim().toLowerCase());
  }
  const phones: string[] = [];
  for (const [i, p] of (input.phones ?? []).entries()) {
    const parsed = parsePhoneNumberFromString(p.trim(), country as CountryCode);
    if (!parsed?.isValid()) return fail(`phones[${i}]`, `"${p}" is not a valid phone number (E.164, e.g. +541143100000, or a national number of ${country})`);
    phones.push(parsed.number);
  }
  if (!emails.length && !phones.length) return fail("emails", "give an e-mail or a phone: a contact needs a channel");
  const languages: string[] = [];
  for (const [i, tag] of (input.languages ?? []).entries()) {
    const canonical = canonicalLanguage(tag);
    if (!canonical) return fail(`languages[${i}]`, `"${tag}" is not a BCP 47 language tag`);
    languages.push(canonical);
  }
  return {
    ok: true,
    contact: {
      externalId,
      countryCode: country,
      topics: topics.sort() as ExchangeTopic[],
      personName,
      position: text(input.position) || null,
      institution,
      emails: [...new Set(emails)],
      phones: [...new Set(phones)],
      languages: [...new Set(languages)],
    },
  };
}
