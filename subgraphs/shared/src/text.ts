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
