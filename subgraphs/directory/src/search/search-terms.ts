import { BadUserInputError } from "../../../../platform/src/errors";
import { foldText, searchWords } from "../../../../platform/src/text";

/**
 * Words that tell nothing apart in an office's name or a place's ("Consulado de Haití",
 * "Embassy of Haiti", "Ambassade d'Haïti", "Embaixada do Haiti"), in the four languages.
 * They are left out of what is indexed and of what is searched.
 */
const FILLER = new Set([
  "a",
  "as",
  "and",
  "at",
  "d",
  "da",
  "das",
  "de",
  "del",
  "des",
  "do",
  "dos",
  "du",
  "e",
  "el",
  "em",
  "en",
  "et",
  "in",
  "l",
  "la",
  "las",
  "le",
  "les",
  "los",
  "o",
  "of",
  "os",
  "the",
  "y",
]);

/** Folded words without filler: "Ambassade d'Haïti" → ["ambassade", "haiti"]. */
export function documentWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !FILLER.has(word));
}

/**
 * The words of a search box's text, checked against the shared limits (SEARCH_TEXT_LIMITS:
 * BAD_USER_INPUT naming the field). No word left (only filler) = no text condition.
 */
export function searchTerms(text: string | null | undefined, field: string): string[] {
  searchWords(text, field);
  // "%", "*", "--": a text with no letter or digit searches for nothing, and must not read as "everything".
  if (text && text.trim() && !/[\p{L}\p{N}]/u.test(text)) throw new BadUserInputError(field, `"${text.slice(0, 40)}" has no letter or digit to search for; leave it out to list everything`);
  return text ? documentWords(text) : [];
}
