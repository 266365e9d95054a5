import "reflect-metadata";
import { SingleBar, Presets } from "cli-progress";
import { createDirectoryDataSource } from "../../../subgraphs/directory/src/database";
import { ExitCode, PermanentError, UsageError, choiceOption, runCommand } from "../../../platform/src/cli";
import { databaseConfigFromEnv, openDatabase } from "../../../platform/src/database";
import { databaseExists, describeDatabase } from "../../../platform/src/database-location";
import { formatImportReport } from "./report";
import { runImport, type ImportFormat } from "./run-import";

const USAGE = `usage: npm run import -- FILE [--format auto|enlace|database-of-embassies] [--date YYYY-MM-DD] [--apply] [--overwrite-edits] [--json]

  Reads an export of diplomatic missions and prints what it would change in the directory:
  new offices, changed fields (old → new), unchanged, repeated rows, offices missing from
  the export, rejected rows with the reason. Nothing changes without --apply; with it, the
  whole diff is applied in one transaction, with an audit entry per office.

  FILE       a CSV file: UTF-8 (with or without BOM), UTF-16 or Windows-1252; separated by
             commas, semicolons or tabs (detected; a file that cannot be read with
             certainty is refused)
  --format   auto (default): the database-of-embassies export or Enlace's own CSV
  --date     the day the export was made; default: a date in the file name. --apply
             needs one, real and not in the future
  --overwrite-edits
             also replace values the secretariat edited, or a correction changed, after
             the export's date (listed as held back otherwise). A value whose source is
             newer than the export is never replaced.
  --json     the report as JSON, for scripts

  The directory database: DATA_DIR/directory.sqlite (DATA_DIR defaults to ./data), or
  DIRECTORY_DATABASE_URL, else DATABASE_URL. It must exist (npm start or npm run seed
  creates it); the command prints which one it uses.

  exit codes: 0 done; 1 the database could not be reached (run it again later);
  2 bad arguments, an unreadable file or no directory database (fix the cause first);
  3 done, but rows were rejected (listed in the report)`;

const CONFIG = {
  allowPositionals: true,
  options: {
    format: { type: "string" },
    date: { type: "string" },
    apply: { type: "boolean", default: false },
    "overwrite-edits": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
} as const;

/** `npm run import`: a reviewable diff of an export against the directory, applied only on request. */
export function runImportCommand(argv: string[] = process.argv.slice(2)): Promise<ExitCode> {
  return runCommand(
    {
      name: "import",
      usage: USAGE,
      config: CONFIG,
      async run({ positionals, values }) {
        if (positionals.length !== 1) throw new UsageError(positionals.length ? `one FILE at a time, got ${positionals.length}` : "say which FILE to import");
        const format = choiceOption<ImportFormat>("format", values.format, ["auto", "enlace", "database-of-embassies"], "auto");
        const config = databaseConfigFromEnv("directory");
        const where = describeDatabase(config);
        if (!(await databaseExists(config, "directory"))) {
          throw new PermanentError(`no directory database in ${where}: check DATA_DIR (or DIRECTORY_DATABASE_URL / DATABASE_URL); npm start or npm run seed creates it`);
        }
        console.error(`directory database: ${where}`);
        const progress = progressReporter(process.stderr.isTTY && !values.json);
        const dataSource = await openDatabase(createDirectoryDataSource(config));
        try {
          const result = await runImport(dataSource, positionals[0], { format, apply: values.apply, date: values.date, overwriteEdits: values["overwrite-edits"], progress: progress.update });
          progress.stop();
          if (result.applied && result.diff.created.length + result.diff.changed.length) console.error("import: committed");
          console.log(values.json ? JSON.stringify(result, null, 2) : formatImportReport(result, 50));
          return result.diff.rejected.length ? ExitCode.Rejected : ExitCode.Done;
        } finally {
          progress.stop();
          await dataSource.destroy();
        }
      },
    },
    argv,
  );
}

/**
 * A bar on a terminal. Elsewhere (logs, tests) lines while the transaction is open, so
 * that whoever reads the log knows nothing is committed until "import: committed".
 */
function progressReporter(tty: boolean) {
  const bar = tty ? new SingleBar({ format: "{phase} [{bar}] {value}/{total}", hideCursor: true }, Presets.shades_classic) : null;
  let phase = "";
  let shown = -1;
  return {
    update(name: string, done: number, total: number) {
      if (!bar) {
        const decile = total ? Math.floor((done / total) * 10) : 10;
        if (name === "applying" && decile > shown) {
          shown = decile;
          console.error(`import: ${done} of ${total} offices written, in one transaction not yet committed`);
        }
        return;
      }
      if (name !== phase) {
        if (phase) bar.stop();
        phase = name;
        bar.start(total, 0, { phase: name.padEnd(8) });
      }
      if (done % 100 === 0 || done === total) bar.update(done);
    },
    stop: () => bar?.stop(),
  };
}

if (require.main === module) void runImportCommand();
