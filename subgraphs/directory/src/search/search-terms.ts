import { BadUserInputError } from "../../../shared/src/errors";
import { foldText } from "../../../shared/src/text";

/** What a search box may send: enough for a long office name, not a pasted document. */
export const SEARCH_LIMITS = { characters: 200, words: 12 } as const;

/**
 * Words that tell nothing apart in an office's name or a place's ("Consulado de Haití",
 * "Embassy of Haiti", "Ambassade d'Haïti", "Embaixada do Haiti"), in the four languages.
 * They are left out of what is indexed and of what is searched.
 */
const FILLER = new Set(["a", "as", "and", "at", "d", "da", "das", "de", "del", "des", "do", "dos", "du", "e", "el", "em", "en", "et", "in", "l", "la", "las", "le", "les", "los", "o", "of", "os", "the", "y"]);

/** Folded words without filler: "Ambassade d'Haïti" → ["ambassade", "haiti"]. */
export function searchWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !FILLER.has(word));
}

/**
 * The words of a search box's text, checked: at most SEARCH_LIMITS characters and words,
 * else a BAD_USER_INPUT naming the field. No word left (only filler) = no text condition.
 */
export function searchTerms(text: string | null | undefined, field: string): string[] {
  if (text === null || text === undefined) return [];
  if ([...text].length > SEARCH_LIMITS.characters) throw new BadUserInputError(field, `is longer than ${SEARCH_LIMITS.characters} characters`);
  const words = foldText(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length > SEARCH_LIMITS.words) throw new BadUserInputError(field, `has more than ${SEARCH_LIMITS.words} words`);
  return searchWords(text);
}
