import { BadUserInputError } from "../../../platform/src/errors";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Validates `first`: a page holds 0..MAX_PAGE_SIZE items. */
export function pageSize(first: number | null | undefined, field = "first"): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(field, `must be an integer from 0 to ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return first;
}

/**
 * Cursors are opaque to clients: base64url of `<kind>:<key>`. The kind prefix makes a
 * cursor from another list a clear error instead of a silently wrong page.
 */
export function encodeCursor(kind: string, key: string): string {
  return Buffer.from(`${kind}:${key}`, "utf8").toString("base64url");
}

export function decodeCursor(kind: string, cursor: string, field = "after"): string {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  const prefix = `${kind}:`;
  if (!decoded.startsWith(prefix) || decoded.length === prefix.length || encodeCursor(kind, decoded.slice(prefix.length)) !== cursor) {
    throw new BadUserInputError(field, "is not a valid cursor for this list; use a cursor returned by this query");
  }
  return decoded.slice(prefix.length);
}

/** The limits of `first` and `offset`, as the schema's descriptions state them. */
export const FIRST_DESCRIPTION = `Page size, 0 to ${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}.`;
export const OFFSET_DESCRIPTION = "Items to skip first, 0 or more; default 0.";
