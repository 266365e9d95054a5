import { BadUserInputError } from "./errors";

/**
 * Folds text for search: lower case, accents removed ("Haití" → "haiti"). Stored
 * folded beside the data so that SQLite and PostgreSQL search the same way with LIKE.
 */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Escapes LIKE wildcards so that user text matches literally (ESCAPE '\'). */
export function likePattern(text: string): string {
  return `%${foldText(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** What a free-text filter may hold: enough for any name or address, far below what SQL engines refuse. */
export const SEARCH_TEXT_LIMITS = { characters: 200, words: 12 } as const;
export const SEARCH_TEXT_DESCRIPTION = `At most ${SEARCH_TEXT_LIMITS.characters} characters and ${SEARCH_TEXT_LIMITS.words} words.`;

/**
 * The words of a free-text filter, checked against SEARCH_TEXT_LIMITS. Each word is one
 * LIKE condition: SQLite refuses a pattern over 50,000 bytes ("LIKE or GLOB pattern too
 * complex") and 1,000 conditions ("Expression tree is too large"), which reached callers
 * as INTERNAL_SERVER_ERROR.
 */
export function searchWords(text: string | null | undefined, field: string): string[] {
  if (text === null || text === undefined) return [];
  if (text.length > SEARCH_TEXT_LIMITS.characters) throw new BadUserInputError(field, `at most ${SEARCH_TEXT_LIMITS.characters} characters (got ${text.length})`);
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length > SEARCH_TEXT_LIMITS.words) throw new BadUserInputError(field, `at most ${SEARCH_TEXT_LIMITS.words} words (got ${words.length})`);
  return words;
}
