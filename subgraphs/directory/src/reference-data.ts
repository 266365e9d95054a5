import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { referenceFile } from "../../../platform/src/paths";

/**
 * The directory's reference data (subgraphs/directory/data/, its sources in SOURCES.md
 * there): border places and place aliases, divisions and their abbreviations, cities' names by
 * language, the region's capitals, priority and extra-regional nationalities, doubtful rows.
 * A missing file stops the caller with its name.
 */
export const directoryDataFile = (name: string): string => referenceFile("subgraphs", "directory", "data", name);

/** One of those CSV files as records by header. */
export const readDirectoryCsv = <T = Record<string, string>>(name: string): T[] => parse(readFileSync(directoryDataFile(name), "utf8"), { columns: true, skip_empty_lines: true, trim: true }) as T[];
