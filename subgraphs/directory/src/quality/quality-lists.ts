import { readDirectoryCsv } from "../reference-data";

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

const read = (file: string) => readDirectoryCsv(file);

/** subgraphs/directory/data/extra-regional-nationalities.csv: each country with the basis for listing it. */
export function extraRegionalNationalities(): ExtraRegionalNationality[] {
  return read("extra-regional-nationalities.csv").map((r) => ({ country: r.country_iso2, basis: r.basis, sourceUrl: r.source_url || null }));
}

/** subgraphs/directory/data/doubtful-rows.csv. */
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
