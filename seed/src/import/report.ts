import type { ImportResult } from "./run-import";

const show = (value: unknown) => (value === null || value === undefined ? "∅" : JSON.stringify(value));

/** The reviewable diff, as a person reads it. */
export function formatImportReport(r: ImportResult, limit = Infinity): string {
  const d = r.diff;
  const skipped = Object.entries(r.parsed.skipped).sort((a, b) => b[1] - a[1]);
  const inScope = d.created.length + d.changed.length + d.unchanged.length + d.repeated.length + d.rejected.length;
  const cut = <T>(items: T[], line: (item: T) => string) => [...items.slice(0, limit).map(line), ...(items.length > limit ? [`    … ${items.length - limit} more (use --json for all)`] : [])];
  return [
    `import of ${r.file} (format ${r.format}, ${r.encoding}, separated by ${r.delimiter === "\t" ? "tabs" : `"${r.delimiter}"`}, dated ${r.sourceDate ?? "unknown: pass --date"}): ${r.parsed.read} rows read`,
    ...(skipped.length ? [`  not for the directory: ${skipped.reduce((s, [, n]) => s + n, 0)} rows`, ...skipped.map(([reason, n]) => `    ${String(n).padStart(5)}  ${reason}`)] : []),
    `  in scope: ${inScope}`,
    `  new offices: ${d.created.length}`,
    ...cut(d.created, (row) => `    + ${row.id}  ${row.sendingCountryCode} in ${row.hostCountryCode}, ${row.kind}, ${row.city ?? "no city"}${row.note ? ` (${row.note})` : ""}`),
    `  changed: ${d.changed.length}`,
    ...cut(
      d.changed,
      (c) =>
        `    ~ ${c.id}  ${Object.entries(c.changes)
          .map(([field, [from, to]]) => `${field}: ${show(from)} → ${show(to)}`)
          .join("; ")}`,
    ),
    `  held back (the directory's value is newer, or was edited after the export): ${d.heldBack.length}`,
    ...cut(
      d.heldBack,
      (h) =>
        `    ≠ ${h.id}  ${h.field}: keeps ${show(h.kept)}, not ${show(h.offered)} — ${h.reason === "NEWER_SOURCE" ? `its source is of ${h.since}` : `edited on ${h.since} (--overwrite-edits replaces it)`}`,
    ),
    `  unchanged: ${d.unchanged.length}`,
    `  repeated rows (same id and values as an earlier row; one office): ${d.repeated.length}`,
    ...cut(d.repeated, (p) => `    = line ${p.line} repeats line ${p.firstLine} (${p.id})`),
    `  missing from the export (proposed for review; nothing is closed): ${d.missing.length}`,
    ...cut(d.missing, (m) => `    ? ${m.id}  ${m.city ?? ""}`),
    `  rejected: ${d.rejected.length}`,
    ...cut(d.rejected, (p) => `    ! line ${p.line}${p.id ? ` (${p.id})` : ""}: ${p.reason}`),
    `  warnings: ${r.parsed.warnings.length}`,
    ...cut(r.parsed.warnings, (p) => `    · line ${p.line}: ${p.reason}`),
    r.applied
      ? d.created.length + d.changed.length
        ? `applied in one transaction: ${d.created.length} created, ${d.changed.length} updated (audit: ${`import:${r.file}`})`
        : "nothing to apply: the directory already matches this export"
      : "dry run: nothing was changed. Review the above, then run again with --apply.",
  ].join("\n");
}
