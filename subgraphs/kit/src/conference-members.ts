import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { projectRoot } from "../../../platform/src/paths";

let members: Map<string, Set<string>> | undefined;

/**
 * The member states of a conference (seed/data/memberships.csv: CRM, CSM), read once. The
 * exchange uses it so that a partner pushes contacts of its own conference's countries only.
 * A missing file stops the caller with its path, never an empty list that lets everything in.
 */
export function conferenceMembers(conference: string): ReadonlySet<string> {
  if (!members) {
    const file = join(projectRoot(), "seed", "data", "memberships.csv");
    const rows = parse(readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true, trim: true }) as { country_iso2: string; conference: string; standing: string }[];
    members = new Map();
    for (const row of rows) {
      if (row.standing !== "MEMBER") continue;
      const set = members.get(row.conference) ?? new Set<string>();
      set.add(row.country_iso2);
      members.set(row.conference, set);
    }
  }
  return members.get(conference) ?? new Set();
}
