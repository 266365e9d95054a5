import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDirectory } from "../../seed/src/directory";
import { createDirectoryDataSource } from "../../subgraphs/directory/src/database";
import { openDatabase } from "../../subgraphs/shared/src/database";
import { DATABASES } from "../helpers/databases";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";

const QUALITY = `{ dataQuality {
  generatedOn offices
  withoutPosition { count offices { id detail } }
  outsideHost { count offices { id host detail } }
  likelyDuplicates { key ids }
  noProcedureFilterReturns { count offices { id kind } }
  honoraryDetaineeOnly { count }
  notVerifiedForAYear { count }
  contacts { offices withPhone withEmail withAddress withWebsite withNone { count } }
  nationalitiesWithoutOffice { country basis officesElsewhere }
  doubtfulRows { representationId verdict sources kind status }
} }`;

describe.each(DATABASES)("Query.dataQuality through the gateway (%s)", (db) => {
  let stack: TestStack;
  let as: Record<string, Record<string, string>>;
  const report = async () => {
    const { body } = await stack.query(QUALITY, undefined, as.secretariat);
    expect(body.errors).toBeUndefined();
    return body.data.dataQuality;
  };

  beforeAll(async () => {
    stack = await startTestStack(db);
    as = await stack.callers(ROLE_KEYS);
  });
  afterAll(() => stack?.stop());

  it.each(["public", "official", "partner"])("is FORBIDDEN to %s", async (who) => {
    const { body } = await stack.query(QUALITY, undefined, as[who] ?? {});
    expect(body.data).toBeNull();
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
  });

  it("gives the secretariat every section with its counts and ids", async () => {
    const r = await report();
    expect(r.offices).toBe(796);
    expect(r.withoutPosition.count).toBe(36);
    expect(r.withoutPosition.offices).toContainEqual({ id: "si-ca-cons-new-brunswick", detail: '"New Brunswick" not in the gazetteer' });
    expect(r.outsideHost).toEqual({ count: 0, offices: [] });
    expect(r.likelyDuplicates).toEqual([]);
    expect(r.noProcedureFilterReturns.count).toBe(21);
    expect(r.noProcedureFilterReturns.offices.every((o: { kind: string }) => o.kind === "OTHER")).toBe(true);
    expect(r.noProcedureFilterReturns.offices.map((o: { id: string }) => o.id)).toContain("ht-mx-other-tijuana");
    expect(r.honoraryDetaineeOnly.count).toBe(30);
    expect(r.notVerifiedForAYear.count).toBeGreaterThanOrEqual(790);
    expect(r.contacts).toEqual({ offices: 796, withPhone: 43, withEmail: 39, withAddress: 10, withWebsite: 485, withNone: { count: 738 } });
    // Eritrea has an embassy in Washington since the directory holds all 796 rows; Somalia has none anywhere.
    expect(r.nationalitiesWithoutOffice.map((n: { country: string }) => n.country)).toEqual(["SO"]);
    expect(r.doubtfulRows).toEqual([
      expect.objectContaining({ representationId: "af-us-emb-washington-d-c", verdict: "TEMPORARILY_CLOSED since 2022-03-16", status: "TEMPORARILY_CLOSED" }),
      expect.objectContaining({ representationId: "in-mx-cons-monterrey", verdict: "NEEDS_REVIEW", kind: "CONSULATE" }),
      expect.objectContaining({ representationId: "in-mx-cons-cancun", verdict: "NEEDS_REVIEW", kind: "CONSULATE", sources: [] }),
      expect.objectContaining({ representationId: "ht-mx-other-tijuana", verdict: "NEEDS_REVIEW", kind: "OTHER" }),
    ]);
  });

  it("finds what an edit or an import breaks: coordinates abroad, a second office with the same key", async () => {
    const directory = stack.subgraphs.directory.dataSource;
    await directory.query(`UPDATE representation SET latitude = 9.05461, longitude = 7.52745, coordinate_precision = 'EXACT' WHERE id = 'bd-mx-emb-mexico-city'`);
    await directory.query(`UPDATE representation SET city = 'Monterrey' WHERE id = 'in-mx-cons-guadalajara'`);
    const r = await report();
    expect(r.outsideHost).toEqual({ count: 1, offices: [{ id: "bd-mx-emb-mexico-city", host: "MX", detail: expect.stringMatching(/^\d+(\.\d)? km outside MX$/) }] });
    expect(r.likelyDuplicates).toEqual([{ key: "IN/MX/CONSULATE/monterrey", ids: ["in-mx-cons-guadalajara", "in-mx-cons-monterrey"] }]);
  });
});

describe("npm run data:check", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "enlace-data-check-"));
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, [join(__dirname, "../../dist/subgraphs/directory/src/quality/data-check-cli.js"), ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", DIRECTORY_DATABASE_URL: "" },
      maxBuffer: 10_000_000,
    });

  beforeAll(async () => {
    const dataSource = await openDatabase(createDirectoryDataSource({ sqlitePath: join(dataDir, "directory.sqlite") }));
    await seedDirectory(dataSource);
    await dataSource.destroy();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("prints each section with its count and ids, and exits 0", async () => {
    const { stdout } = await run([]);
    expect(stdout).toMatch(/^Directory data check, \d{4}-\d{2}-\d{2}: 796 offices/);
    expect(stdout).toContain("Without a position: 36\n    ae-pa-emb-nocity — no city");
    expect(stdout).toContain("Outside their host country (over 15 km): 0");
    expect(stdout).toContain("Contact channels: 43 of 796 with a phone, 39 with an e-mail, 10 with an address, 485 with a website");
    expect(stdout).toContain("Main extra-regional nationalities with no office in the region: 1\n    SO — 0 office(s) elsewhere");
    expect(stdout).toContain("Doubtful rows: 4 (3 need review)");
  });

  it("prints --help, and refuses a directory database that does not exist without creating one", async () => {
    expect((await run(["--help"])).stdout).toMatch(/^usage: npm run data:check/);
    const wrong = join(dataDir, "wrong");
    const failed = await promisify(execFile)(process.execPath, [join(__dirname, "../../dist/subgraphs/directory/src/quality/data-check-cli.js")], {
      env: { ...process.env, DATA_DIR: wrong, DATABASE_URL: "", DIRECTORY_DATABASE_URL: "" },
    }).then(() => ({ code: 0, stderr: "" }), (error: { code: number; stderr: string }) => error);
    expect([failed.code, failed.stderr]).toEqual([2, `data:check: no directory database in SQLite file ${join(wrong, "directory.sqlite")}: check DATA_DIR (or DIRECTORY_DATABASE_URL / DATABASE_URL); npm start or npm run seed creates it\n`]);
    expect(existsSync(wrong)).toBe(false);
  });

  it("--json gives the same report to machines", async () => {
    const report = JSON.parse((await run(["--json"])).stdout);
    expect(report).toMatchObject({ offices: 796, withoutPosition: { count: 36 }, outsideHost: { count: 0 }, contacts: { withPhone: 43, withAddress: 10 } });
    expect(report.notVerifiedForAYear.offices).toHaveLength(report.notVerifiedForAYear.count);
  });
});
