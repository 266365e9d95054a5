import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDirectory } from "../../seed/src/directory";
import { createDirectoryDataSource } from "../../subgraphs/directory/src/database";
import { openDatabase } from "../../platform/src/database";
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
    expect(r.offices).toBe(867); // 886 rows, 19 closed
    expect(r.withoutPosition.count).toBe(36);
    expect(r.withoutPosition.offices).toContainEqual({ id: "si-ca-cons-new-brunswick", detail: '"New Brunswick" not in the gazetteer' });
    expect(r.outsideHost).toEqual({ count: 0, offices: [] });
    expect(r.likelyDuplicates).toEqual([]);
    expect(r.noProcedureFilterReturns.count).toBe(20);
    expect(r.noProcedureFilterReturns.offices.every((o: { kind: string }) => o.kind === "OTHER")).toBe(true);
    // Haiti's office in Tijuana: its page lists passports, legalisation and identity (CONFIRMED), so filters return it.
    expect(r.noProcedureFilterReturns.offices.map((o: { id: string }) => o.id)).not.toContain("ht-mx-other-tijuana");
    expect(r.honoraryDetaineeOnly.count).toBe(45);
    expect(r.notVerifiedForAYear.count).toBeGreaterThanOrEqual(800);
    expect(r.contacts).toEqual({ offices: 867, withPhone: 100, withEmail: 62, withAddress: 62, withWebsite: 491, withNone: { count: 725 } });
    // Somalia's embassy in Washington is in the directory since issue 18: every listed nationality has an office in the region.
    expect(r.nationalitiesWithoutOffice).toEqual([]);
    expect(r.doubtfulRows).toEqual([
      expect.objectContaining({ representationId: "af-us-emb-washington-d-c", verdict: "RESOLVED: CLOSED since 2022-03-16", status: "CLOSED" }),
      expect.objectContaining({ representationId: "in-mx-cons-monterrey", verdict: "RESOLVED: kind HONORARY_CONSULATE", kind: "HONORARY_CONSULATE" }),
      expect.objectContaining({ representationId: "in-mx-cons-cancun", verdict: "RESOLVED: kind HONORARY_CONSULATE", kind: "HONORARY_CONSULATE" }),
      expect.objectContaining({ representationId: "ht-mx-other-tijuana", verdict: "RESOLVED: procedures CONFIRMED", kind: "OTHER" }),
    ]);
  });

  it("finds what an edit or an import breaks: coordinates abroad, a second office with the same key", async () => {
    const directory = stack.subgraphs.directory.dataSource;
    await directory.query(`UPDATE representation SET latitude = 9.05461, longitude = 7.52745, coordinate_precision = 'EXACT' WHERE id = 'bd-mx-emb-mexico-city'`);
    await directory.query(`UPDATE representation SET city = 'Monterrey' WHERE id = 'in-mx-cons-guadalajara'`);
    const r = await report();
    expect(r.outsideHost).toEqual({ count: 1, offices: [{ id: "bd-mx-emb-mexico-city", host: "MX", detail: expect.stringMatching(/^\d+(\.\d)? km outside MX$/) }] });
    expect(r.likelyDuplicates).toEqual([{ key: "IN/MX/HONORARY_CONSULATE/monterrey", ids: ["in-mx-cons-guadalajara", "in-mx-cons-monterrey"] }]);
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
    // First what to verify first, ranked by how often each office is the first answer (issue 18).
    expect(stdout).toMatch(
      /^Verify first: the offices that are the first answer at the region's border posts, reception points and capitals\n  96 places × 28 priority nationalities = 2688 lookups; \d+ have an office that can act; its phone is there in \d+/,
    );
    expect(stdout).toMatch(/\n  rank  first in  office — contacts; newest dated contact source; last verified\n\s+1\s+\d+\s+[a-z]{2}-[a-z]{2}-/);
    expect(stdout).toMatch(/\nPriority nationality × CRM member state with no office that covers it: \d+ of 308 pairs\n    [A-Z]{2} in [A-Z]{2}: /);
    expect(stdout).toMatch(/\nDirectory data check, \d{4}-\d{2}-\d{2}: 867 offices/);
    expect(stdout).toContain("Without a position: 36\n    ae-pa-emb-nocity — no city");
    expect(stdout).toContain("Outside their host country (over 15 km): 0");
    expect(stdout).toContain("Contact channels: 100 of 867 with a phone, 62 with an e-mail, 62 with an address, 491 with a website");
    expect(stdout).toContain("Main extra-regional nationalities with no office in the region: 0");
    expect(stdout).toContain("Doubtful rows: 4 (0 need review)");
  });

  it("prints --help, and refuses a directory database that does not exist without creating one", async () => {
    expect((await run(["--help"])).stdout).toMatch(/^usage: npm run data:check/);
    const wrong = join(dataDir, "wrong");
    const failed = await promisify(execFile)(process.execPath, [join(__dirname, "../../dist/subgraphs/directory/src/quality/data-check-cli.js")], {
      env: { ...process.env, DATA_DIR: wrong, DATABASE_URL: "", DIRECTORY_DATABASE_URL: "" },
    }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect([failed.code, failed.stderr]).toEqual([
      2,
      `data:check: no directory database in SQLite file ${join(wrong, "directory.sqlite")}: check DATA_DIR (or DIRECTORY_DATABASE_URL / DATABASE_URL); npm start or npm run seed creates it\n`,
    ]);
    expect(existsSync(wrong)).toBe(false);
  });

  it("--json gives the same report to machines", async () => {
    const report = JSON.parse((await run(["--json"])).stdout);
    expect(report).toMatchObject({ offices: 867, withoutPosition: { count: 36 }, outsideHost: { count: 0 }, contacts: { withPhone: 100, withAddress: 62 } });
    expect(report.verification).toMatchObject({ places: 96, lookups: 2688 });
    expect(report.verification.ranked[0].firstAnswerIn).toBeGreaterThanOrEqual(report.verification.ranked[1].firstAnswerIn);
    expect(report.notVerifiedForAYear.offices).toHaveLength(report.notVerifiedForAYear.count);
  });
});
