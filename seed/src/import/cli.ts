import "reflect-metadata";
import { parseArgs } from "node:util";
import { SingleBar, Presets } from "cli-progress";
import { createDirectoryDataSource } from "../../../subgraphs/directory/src/database";
import { databaseConfigFromEnv, openDatabase } from "../../../subgraphs/shared/src/database";
import { formatImportReport } from "./report";
import { ImportInputError, runImport, type ImportFormat } from "./run-import";

const USAGE = `usage: npm run import -- FILE [--format auto|enlace|database-of-embassies] [--date YYYY-MM-DD] [--apply] [--json]
  Reads an export of diplomatic missions and prints what it would change in the directory.
  Nothing changes without --apply; with it, the whole diff is applied in one transaction.`;

/** `npm run import`: a reviewable diff of an export against the directory, applied only on request. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: "string", default: "auto" }, date: { type: "string" }, apply: { type: "boolean", default: false }, json: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
  });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const format = values.format as ImportFormat;
  if (!["auto", "enlace", "database-of-embassies"].includes(format)) throw new ImportInputError(`format: "${values.format}" is not auto, enlace or database-of-embassies`);
  // A progress bar on stderr for people at a terminal; never in --json output or logs.
  const bar = process.stderr.isTTY && !values.json ? new SingleBar({ format: "{phase} [{bar}] {value}/{total}", hideCursor: true }, Presets.shades_classic) : null;
  let phase = "";
  const dataSource = await openDatabase(createDirectoryDataSource(databaseConfigFromEnv("directory")));
  try {
    const result = await runImport(dataSource, positionals[0], {
      format,
      apply: values.apply,
      date: values.date,
      progress: (name, done, total) => {
        if (!bar) return;
        if (name !== phase) {
          if (phase) bar.stop();
          phase = name;
          bar.start(total, 0, { phase: name.padEnd(8) });
        }
        if (done % 100 === 0 || done === total) bar.update(done);
      },
    });
    bar?.stop();
    console.log(values.json ? JSON.stringify(result, null, 2) : formatImportReport(result, 50));
    return 0;
  } finally {
    bar?.stop();
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    const known = error instanceof ImportInputError || (error as NodeJS.ErrnoException)?.code === "ENOENT";
    console.error(known ? `error: ${error.message}` : error);
    process.exitCode = known ? 2 : 1;
  },
);
