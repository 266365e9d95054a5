import { parsePhoneNumberFromString } from "libphonenumber-js";
import { Field, InputType } from "type-graphql";
import { BadUserInputError } from "../../../platform/src/errors";
import { canonicalLanguage, checkDate, checkSafeText, isCountryCode, isEmail } from "../../../platform/src/formats";
export { checkDate };
import { FocalPointRole } from "./entities/enums";

/** A person's details: for a nomination, a successor, or (all optional) an update. */
@InputType({ description: "Fields to change; a field left out stays as it is." })
export class FocalPointChanges {
  @Field(() => String, { nullable: true }) personName?: string | null;
  @Field(() => String, { nullable: true }) position?: string | null;
  @Field(() => String, { nullable: true }) institution?: string | null;
  @Field(() => [String], { nullable: true, description: "null or []: none." }) emails?: string[] | null;
  @Field(() => [String], { nullable: true, description: "E.164, e.g. +50722000000; null or []: none." }) phones?: string[] | null;
  @Field(() => [String], { nullable: true, description: "BCP 47; null or []: none." }) languages?: string[] | null;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD; null: open-ended." }) termEnd?: string | null;
}

@InputType()
export class NominationInput extends FocalPointChanges {
  @Field({ description: "ISO alpha-2 of the member state." }) country!: string;
  @Field(() => FocalPointRole) role!: FocalPointRole;
  @Field({ description: "YYYY-MM-DD" }) termStart!: string;
  @Field(() => String, { nullable: true, description: "For CONSULAR_LIAISON: the office's id in the directory." }) representationId?: string | null;
  @Field(() => [String], { nullable: true, description: 'Partner conferences to share with, e.g. ["CSM"].' }) sharedWith?: string[];
}

/** Validates the given fields and returns them normalised; the first bad one is named. */
export function checkFocalPointChanges(input: FocalPointChanges, path: string) {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) {
    for (const [i, item] of (Array.isArray(value) ? value : [value]).entries()) {
      if (typeof item === "string") checkSafeText(item, Array.isArray(value) ? `${path}.${field}[${i}]` : `${path}.${field}`);
    }
  }
  // The schema lets every field be null (null clears); a name and an institution cannot be cleared.
  const required = (value: string | null | undefined, field: string) => {
    if (value === undefined) return undefined;
    if (value === null) throw new BadUserInputError(`${path}.${field}`, "is required and cannot be cleared");
    if (!value.trim()) throw new BadUserInputError(`${path}.${field}`, "must not be empty");
    return value.trim();
  };
  if (input.personName !== undefined) out.personName = required(input.personName, "personName");
  if (input.institution !== undefined) out.institution = required(input.institution, "institution");
  if (input.position !== undefined) out.position = input.position?.trim() || null;
  if (input.emails !== undefined) {
    out.emails = (input.emails ?? []).map((e, i) => {
      if (!isEmail(e.trim())) throw new BadUserInputError(`${path}.emails[${i}]`, `"${e}" is not an e-mail address`);
      return e.trim();
    });
  }
  if (input.phones !== undefined) {
    out.phones = (input.phones ?? []).map((p, i) => {
      const parsed = p.trim().startsWith("+") ? parsePhoneNumberFromString(p.trim()) : undefined;
      if (!parsed?.isValid()) throw new BadUserInputError(`${path}.phones[${i}]`, `"${p}" is not an E.164 number (+ and country code, e.g. +50722000000)`);
      return parsed.number;
    });
  }
  if (input.languages !== undefined) {
    out.languages = (input.languages ?? []).map((tag, i) => {
      const canonical = canonicalLanguage(tag);
      if (!canonical) throw new BadUserInputError(`${path}.languages[${i}]`, `"${tag}" is not a BCP 47 language tag`);
      return canonical;
    });
  }
  if (input.termEnd !== undefined) out.termEnd = input.termEnd === null ? null : checkDate(input.termEnd, `${path}.termEnd`);
  return out;
}

export function checkCountry(code: string, field: string): string {
  const upper = code.trim().toUpperCase();
  if (!isCountryCode(upper)) throw new BadUserInputError(field, `unknown ISO 3166-1 alpha-2 country code "${code}"`);
  return upper;
}
