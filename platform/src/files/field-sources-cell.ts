/**
 * The field_sources cell of Enlace's CSV (the open-data exports, read back by the import,
 * subgraphs/directory/src/sources/field-source-table.ts): a JSON array of
 * {field, value, label, url, published, seenOn, excerpt}.
 */
/** The same cell, written: stable key order so a re-export diffs cleanly. */
export function fieldSourcesCell(sources: readonly { field: string; value: string; label?: string | null; url: string; published?: string | null; seenOn: string; excerpt: string }[]): string {
  if (!sources.length) return "";
  return JSON.stringify(sources.map((s) => ({ field: s.field, value: s.value, label: s.label ?? null, url: s.url, published: s.published ?? null, seenOn: s.seenOn, excerpt: s.excerpt })));
}
