import "reflect-metadata";
import { ExitCode, PermanentError, runCommand } from "../../../../platform/src/cli";
import { databaseConfigFromEnv, openDatabase } from "../../../../platform/src/database";
import { databaseExists, describeDatabase } from "../../../../platform/src/database-location";
import { createDirectoryDataSource } from "../database";
import { dataQualityReport } from "./data-quality";
import type { DataQuality, QualitySection } from "./data-quality.types";
import { verificationPlan, type VerificationPlan } from "./verification-plan";

/** Ids in lines of a readable width. */
const ids = (list: string[], indent = "    ") => {
  const lines: string[] = [];
  let line = "";
  for (const id of list) {
    if (line && line.length + id.length > 96) {
      lines.push(indent + line);
      line = "";
    }
    line += (line ? ", " : "") + id;
  }
  return line ? [...lines, indent + line] : lines;
};

const withDetail = (s: QualitySection) => s.offices.map((o) => `    ${o.id}${o.detail ? ` — ${o.detail}` : ""}`);
/** Long sections show their first ids; `--json` has them all. */
const SHOWN = 40;
const plain = (s: QualitySection) => [...ids(s.offices.slice(0, SHOWN).map((o) => o.id)), ...(s.count > SHOWN ? [`    … and ${s.count - SHOWN} more (--json lists them all)`] : [])];

const pct = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)}%` : "-");
const RANKED_SHOWN = 30;

/** What to verify first, and where no office can act: the head of `npm run data:check`. */
export function formatVerificationPlan(p: VerificationPlan): string {
  const contacts = (o: VerificationPlan["ranked"][number]) =>
    [o.phones ? `${o.phones} phone${o.phones > 1 ? "s" : ""}` : "no phone", o.emails ? `${o.emails} e-mail${o.emails > 1 ? "s" : ""}` : "no e-mail", o.website ? "website" : "no website"].join(", ");
  return [
    `Verify first: the offices that are the first answer at the region's border posts, reception points and capitals`,
    `  ${p.places} places × ${p.nationalities.length} priority nationalities = ${p.lookups} lookups; ${p.answered} have an office that can act; ` +
      `its phone is there in ${p.answeredWithPhone} (${pct(p.answeredWithPhone, p.answered)}), a phone or e-mail in ${p.answeredWithPhoneOrEmail} (${pct(p.answeredWithPhoneOrEmail, p.answered)})`,
    `  rank  first in  office — contacts; newest dated contact source; last verified`,
    ...p.ranked
      .slice(0, RANKED_SHOWN)
      .map((o, i) => `  ${String(i + 1).padStart(4)}  ${String(o.firstAnswerIn).padStart(8)}  ${o.id} — ${contacts(o)}; ${o.contactsDated ?? "no dated source"}; ${o.lastVerifiedOn ?? "never"}`),
    ...(p.ranked.length > RANKED_SHOWN ? [`        … and ${p.ranked.length - RANKED_SHOWN} more (--json lists them all)`] : []),
    "",
    `Priority nationality × CRM member state with no office that covers it: ${p.uncovered.length} of ${p.nationalities.length * 11} pairs`,
    ...p.uncovered.map((u) => `    ${u.nationality} in ${u.country}: ${u.advice}`),
  ].join("\n");
}

/** The report as a person reads it: each section with its count and ids. */
export function formatDataQuality(r: DataQuality): string {
  const c = r.contacts;
  return [
    `Directory data check, ${r.generatedOn}: ${r.offices} offices (closed ones left out)`,
    "",
    `Without a position: ${r.withoutPosition.count}`,
    ...withDetail(r.withoutPosition),
    `Outside their host country (over 15 km): ${r.outsideHost.count}`,
    ...withDetail(r.outsideHost),
    `Likely duplicates (same sender, host, kind and city): ${r.likelyDuplicates.length} groups`,
    ...r.likelyDuplicates.map((d) => `    ${d.key}: ${d.ids.join(", ")}`),
    `No procedure filter returns them (no procedure listed): ${r.noProcedureFilterReturns.count}`,
    ...plain(r.noProcedureFilterReturns),
    `Honorary consulates, returned only for assistance to detained nationals: ${r.honoraryDetaineeOnly.count}`,
    ...plain(r.honoraryDetaineeOnly),
    `Not verified for over a year: ${r.notVerifiedForAYear.count}`,
    ...plain(r.notVerifiedForAYear),
    `Contact channels: ${c.withPhone} of ${c.offices} with a phone, ${c.withEmail} with an e-mail, ${c.withAddress} with an address, ${c.withWebsite} with a website`,
    `  with no phone, e-mail or address: ${c.withNone.count}`,
    ...plain(c.withNone),
    `Main extra-regional nationalities with no office in the region: ${r.nationalitiesWithoutOffice.length}`,
    ...r.nationalitiesWithoutOffice.map((n) => `    ${n.country} — ${n.officesElsewhere} office(s) elsewhere; listed because: ${n.basis}`),
    `Doubtful rows: ${r.doubtfulRows.length} (${r.doubtfulRows.filter((d) => d.verdict === "NEEDS_REVIEW").length} need review)`,
    ...r.doubtfulRows.flatMap((d) => [
      `    ${d.representationId} (${d.kind ?? "not in the directory"}, ${d.status ?? "-"}): ${d.doubt} → ${d.verdict}`,
      `      ${d.finding}${d.sources.length ? ` [${d.sources.join(" ")}]` : ""}`,
    ]),
  ].join("\n");
}

const USAGE = `usage: npm run data:check [-- --json]

  The secretariat's work list from the directory's database. First the offices to verify
  first (how often each is the first office that can act over the project's place table,
  subgraphs/directory/data/border-places.csv and crm-capitals.csv, × the priority nationalities,
  subgraphs/directory/data/priority-nationalities.csv; then the oldest contacts), and every priority
  nationality × CRM member state that no office covers, with what to do there. Then:
  offices without a position or
  with one outside the host country, likely duplicates, offices no procedure filter returns,
  offices not verified for over a year or without a phone, e-mail or address, and the main
  nationalities with no office in the region. --json: the same as JSON.

  The directory database: DATA_DIR/directory.sqlite (DATA_DIR defaults to ./data), or
  DIRECTORY_DATABASE_URL, else DATABASE_URL; it must exist, and is printed on stderr.

  exit codes: 0 done; 1 the database could not be reached (run it again later); 2 bad
  arguments or no directory database`;

/** `npm run data:check [-- --json]`: the secretariat's work list, from the directory's database. */
export function runDataCheckCommand(argv: string[] = process.argv.slice(2)): Promise<ExitCode> {
  return runCommand(
    {
      name: "data:check",
      usage: USAGE,
      config: { options: { json: { type: "boolean", default: false } } },
      async run({ values }) {
        const config = databaseConfigFromEnv("directory");
        const where = describeDatabase(config);
        if (!(await databaseExists(config, "directory")))
          throw new PermanentError(`no directory database in ${where}: check DATA_DIR (or DIRECTORY_DATABASE_URL / DATABASE_URL); npm start or npm run seed creates it`);
        console.error(`directory database: ${where}`);
        const dataSource = await openDatabase(createDirectoryDataSource(config));
        try {
          const report = await dataQualityReport(dataSource);
          if (!values.json && report.offices === 0) console.log("The directory is empty: run `npm run seed` (or `npm start`) first.");
          else {
            const plan = await verificationPlan(dataSource);
            console.log(values.json ? JSON.stringify({ verification: plan, ...report }, null, 2) : `${formatVerificationPlan(plan)}\n\n${formatDataQuality(report)}`);
          }
          return ExitCode.Done;
        } finally {
          await dataSource.destroy();
        }
      },
    },
    argv,
  );
}

if (require.main === module) void runDataCheckCommand();
