import { parseRepresentationRows } from "../directory/representation-rows";
import type { ParsedImport } from "./database-of-embassies";

/** Enlace's own format (seed/data/representations.csv): rows carry their id. */
export function parseEnlaceFormat(csv: string, knownCountries: Set<string>, delimiter = ","): ParsedImport {
  const parsed = parseRepresentationRows(csv, knownCountries, delimiter);
  return {
    read: parsed.read,
    rejected: parsed.rejected,
    warnings: parsed.warnings,
    skipped: {},
    rows: parsed.rows.map((row, index) => ({ ...row, line: index + 2, externalUrl: null })),
  };
}
