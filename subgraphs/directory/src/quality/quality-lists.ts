import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

/** A country of the CRM's main extra-regional nationalities, and why it is on the list. */
export interface ExtraRegionalNationality {
  country: string;
  basis: string;
  sourceUrl: string | null;
}

/** A row someone doubted, what was found, and whether it was fixed (with its source) or awaits a human. */
export interface DoubtfulRow {
  representationId: string;
  doubt: string;
  finding: string;
  /** NEEDS_REVIEW, or the fix applied at seed: "TEMPORARILY_CLOSED since 2022-03-16". */
  verdict: string;
  sources: string[];
  sourceDate: string | null;
}

/** seed/data, from sources (subgraphs/directory/src/quality) or from dist. */
const DATA_DIR = join(__dirname, __dirname.includes(`${"dist"}`) ? "../../../../../seed/data" : "../../../../seed/data");

/** A CSV of seed/data as records (the directory's reference lists). */
export const readSeedCsv = (file: string): Record<string, string>[] => parse(readFileSync(join(DATA_DIR, file), "utf8"), { columns: true, skip_empty_lines: true, trim: true });
const read = readSeedCsv;

/** seed/data/extra-regional-nationalities.csv: each country with the basis for listing it. */
export function extraRegionalNationalities(): ExtraRegionalNationality[] {
  return read("extra-regional-nationalities.csv").map((r) => ({ country: r.country_iso2, basis: r.basis, sourceUrl: r.source_url || null }));
}

/** seed/data/doubtful-rows.csv. */
export function doubtfulRows(): DoubtfulRow[] {
  return read("doubtful-rows.csv").map((r) => ({
    representationId: r.representation_id,
    doubt: r.doubt,
    finding: r.finding,
    verdict: r.verdict,
    sources: r.source_url.split(/\s+/).filter(Boolean),
    sourceDate: r.source_date || null,
  }));
}

/** A verdict that sets a status: "TEMPORARILY_CLOSED since 2022-03-16". */
export function statusVerdict(row: DoubtfulRow): { status: string; since: string } | undefined {
  const match = /^(ACTIVE|TEMPORARILY_CLOSED|CLOSED) since (\d{4}-\d{2}-\d{2})$/.exec(row.verdict);
  return match ? { status: match[1], since: match[2] } : undefined;
}
