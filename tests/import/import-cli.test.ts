import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const DOE = join(__dirname, "fixtures/database_of_embassies-2024-05-01.csv");
const DIST = join(__dirname, "../../dist/seed/src");

/** The built commands, as `npm run seed|import` runs them (no compiling at run time). */
describe("npm run import (the built command)", () => {
  const scratch = mkdtempSync(join(tmpdir(), "enlace-import-cli-"));
  const dataDir = join(scratch, "data");
  const run = (script: string, args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(DIST, script), ...args], { encoding: "utf8", cwd: scratch, env: { ...process.env, DATA_DIR: dataDir, ...env } });
  const file = (name: string, bytes: Buffer | string) => {
    writeFileSync(join(scratch, name), bytes);
    return join(scratch, name);
  };
  beforeAll(() => {
    const seed = run("cli.js", []);
    expect(seed.status, seed.stderr).toBe(0);
    expect(seed.stdout).toContain(`directory database: SQLite file ${join(dataDir, "directory.sqlite")} (created now)`);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("prints its usage with --help", () => {
    const help = run("import/cli.js", ["--help"]);
    expect([help.status, help.stderr]).toEqual([0, ""]);
    expect(help.stdout).toMatch(/^usage: npm run import -- FILE/);
    expect(help.stdout).toContain("exit codes: 0 done; 1 the database could not be reached");
  });

  it("refuses bad arguments and unreadable files in one line on stderr, exit code 2, never 'run again'", () => {
    mkdirSync(join(scratch, "a-folder"));
    const undated = file("export.csv", readFileSync(DOE));
    const cut = file("cut-2024-05-01.csv", readFileSync(DOE, "utf8").slice(0, 700));
    const cases: [string[], string][] = [
      [[], "import: say which FILE to import (see --help)"],
      [[DOE, "--bogus"], "import: unknown option --bogus (see --help)"],
      [[DOE, "--date"], "import: --date: the value is missing (see --help)"],
      [[DOE, "--format", "xml"], 'import: --format must be auto or enlace or database-of-embassies, got "xml" (see --help)'],
      [[join(scratch, "a-folder")], `import: ${join(scratch, "a-folder")}: is a folder, not a file`],
      [[join(scratch, "no-such-file.csv")], `import: ${join(scratch, "no-such-file.csv")}: no such file or folder`],
      [[cut], `import: ${cut}: its last row (row 3) has 8 of the header's 22 columns and the file does not end with a line break: it looks cut short`],
      [[DOE, "--date", "2031-02-30", "--apply"], 'import: --date: "2031-02-30" is not a date (YYYY-MM-DD)'],
      [[DOE, "--date", "2099-01-01"], expect.stringMatching(/^import: --date: 2099-01-01 is in the future \(today is \d{4}-\d\d-\d\d\)$/) as never],
      [[undated, "--apply"], expect.stringMatching(/^import: --date: the export's date is unknown \(no --date, no date in the file name export\.csv\); --apply needs it/) as never],
    ];
    for (const [args, message] of cases) {
      const result = run("import/cli.js", args);
      const errors = result.stderr.split("\n").filter((line) => line && !line.startsWith("directory database: "));
      expect({ args, status: result.status, errors }).toEqual({ args, status: 2, errors: [message] });
      expect(result.stderr).not.toMatch(/run (it|the same command) again|\n\s+at /);
    }
  }, 300_000); // ten processes; minutes on a loaded 2-core machine

  it("never creates a directory database where DATA_DIR points by mistake", () => {
    const wrong = join(scratch, "wrong");
    const result = run("import/cli.js", [DOE], { DATA_DIR: wrong });
    expect([result.status, result.stderr.trim()]).toEqual([
      2,
      `import: no directory database in SQLite file ${join(wrong, "directory.sqlite")}: check DATA_DIR (or DIRECTORY_DATABASE_URL / DATABASE_URL); npm start or npm run seed creates it`,
    ]);
    expect(readdirSync(scratch)).not.toContain("wrong");
  });

  it("reads Windows-1252, BOM and tab-separated UTF-16 files as the same export", () => {
    const utf8 = readFileSync(DOE, "utf8");
    const variants = {
      "latin1-2024-05-01.csv": Buffer.from(utf8, "latin1"), // Excel's "CSV" on a Spanish Windows
      "bom-tabs-2024-05-01.csv": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8.replaceAll(";", "\t"))]),
      "utf16-tabs-2024-05-01.csv": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8.replaceAll(";", "\t"), "utf16le")]),
    };
    const seen = Object.entries(variants).map(([name, bytes]) => {
      const result = run("import/cli.js", [file(name, bytes)]);
      return [name, result.status, result.stdout.split("\n")[0].replace(/^import of \S+ /, ""), result.stdout.includes('~ ht-mx-emb-mexico-city  address: ∅ → "Presa Don Martín 53"')];
    });
    expect(seen).toEqual([
      ["latin1-2024-05-01.csv", 3, '(format database-of-embassies, windows-1252, separated by ";", dated 2024-05-01): 8 rows read', true],
      ["bom-tabs-2024-05-01.csv", 3, "(format database-of-embassies, utf-8, separated by tabs, dated 2024-05-01): 8 rows read", true],
      ["utf16-tabs-2024-05-01.csv", 3, "(format database-of-embassies, utf-16le, separated by tabs, dated 2024-05-01): 8 rows read", true],
    ]);
  }, 180_000);

  it("prints the diff and the database it uses, changes nothing without --apply, and exits 3 when rows were rejected", () => {
    const dry = run("import/cli.js", [DOE]);
    expect(dry.status).toBe(3);
    expect(dry.stderr.trim()).toBe(`directory database: SQLite file ${join(dataDir, "directory.sqlite")}`);
    expect(dry.stdout).toContain("+ bd-hn-hcons-tegucigalpa  BD in HN, HONORARY_CONSULATE, Tegucigalpa");
    expect(dry.stdout).toContain("  rejected: 3");
    expect(dry.stdout.trim().split("\n").at(-1)).toBe("dry run: nothing was changed. Review the above, then run again with --apply.");
  });

  it("applies with --apply, saying so while the transaction is open and when it committed", () => {
    const applied = run("import/cli.js", [DOE, "--apply", "--json"]);
    expect(applied.status).toBe(3);
    expect(JSON.parse(applied.stdout)).toMatchObject({ applied: true, sourceDate: "2024-05-01" });
    expect(applied.stderr.split("\n").filter(Boolean)).toEqual([
      `directory database: SQLite file ${join(dataDir, "directory.sqlite")}`,
      "import: 1 of 2 offices written, in one transaction not yet committed",
      "import: 2 of 2 offices written, in one transaction not yet committed",
      "import: committed",
    ]);
    expect(JSON.parse(run("import/cli.js", [DOE, "--json"]).stdout).diff.created).toEqual([]);
  });
});
