import { foldText } from "../../../../platform/src/text";

/** A name as a search key: case, accents and punctuation dropped ("Ciudad de Panamá" → "ciudad de panama", "D.F." → "d f"). */
export function placeKey(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Keys with no Latin letter (names in other scripts fold to nothing useful) are not indexed. */
export const isSearchable = (key: string) => /[a-z]/.test(key);
