import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { startTestStack, type TestStack } from "../helpers/stack";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const REQUIRED = ["id", "name", "kind", "city", "address", "phones", "emails", "website", "opening_hours", "status", "passport", "last_verified_on", "source"];
const PHONE = "+502 2333 4444"; // a Guatemalan fixed-line number no office of the seed has

const READ = `query ($id: ID!) { representation(id: $id) { version phones { raw e164 } procedures { basis sourceUrl procedure { code } } provenance { lastVerifiedOn verifiedByCountry } fieldSources { field value url published seenOn excerpt } } }`;
const TABLES = `{ countryTables { country withPhone withConfirmedProcedures lastSubmittedOn confirmedByCountryLast12Months } }`;
const SUBMISSIONS = `{ countryTableSubmissions(country: "GT") { id status } }`;

/** Column index (1-based) of a header in the first sheet. */
const columnOf = (sheet: ExcelJS.Worksheet, name: string) => {
  let at = 0;
  sheet.getRow(1).eachCell((cell, col) => {
    if (cell.value === name) at = col;
  });
  return at;
};

/**
 * Issue 21: a host country's table both ways, on SQLite and PostgreSQL. The secretariat
 * downloads Guatemala's workbook; a test edits it with exceljs (a phone, a procedure
 * confirmed, a new office); Guatemala's official previews and sends it; the secretariat
 * applies it; the values carry the submission as their source, dated; the completeness
 * figures and the public CSV and pages show them.
 */
describe.each(DATABASES)("a country's table, both ways (%s)", (db) => {
  let stack: TestStack;
  let origin: string;
  let as: Record<string, Record<string, string>>;
  const today = new Date().toISOString().slice(0, 10);
  beforeAll(async () => {
    stack = await startTestStack(db);
    origin = new URL(stack.url).origin;
    as = await stack.callers({ gt: { role: "OFFICIAL", country: "GT", label: "IGM" }, mx: { role: "OFFICIAL", country: "MX", label: "INM" }, secretariat: { role: "SECRETARIAT", label: "ST" } });
  });
  afterAll(() => stack?.stop());

  const download = async (who: Record<string, string>, file = "GT.xlsx") => fetch(`${origin}/country-tables/${file}?lang=es`, { headers: who });
  const send = async (who: Record<string, string>, bytes: Buffer | Uint8Array, query = "", file = "GT.xlsx") => {
    const response = await fetch(`${origin}/country-tables/${file}${query}`, {
      method: "POST",
      headers: { ...who, "content-type": file.endsWith("csv") ? "text/csv" : XLSX },
      body: new Uint8Array(bytes),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const workbook = async () => {
    const response = await download(as.secretariat);
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    return book;
  };
  const bytesOf = async (book: ExcelJS.Workbook) => Buffer.from(await book.xlsx.writeBuffer());
  const read = async (id: string) => (await stack.query(READ, { id })).body.data.representation;
  const gtTable = async () => (await stack.query(TABLES, undefined, as.secretariat)).body.data.countryTables.find((t: { country: string }) => t.country === "GT");

  it("the secretariat downloads Guatemala's workbook: a row per office it hosts, the columns, lists where a cell has fixed values, the meanings in Spanish", async () => {
    const response = await download(as.secretariat);
    expect(response.headers.get("content-type")).toBe(XLSX);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const [sheet, help] = book.worksheets;
    expect(sheet.name).toBe("Oficinas");
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    for (const column of REQUIRED) expect(header).toContain(column);
    const total = (await stack.query(`{ representations(filter: { hostCountry: ["GT"], status: [ACTIVE, TEMPORARILY_CLOSED, CLOSED] }, first: 0) { totalCount } }`)).body.data.representations
      .totalCount;
    expect(sheet.actualRowCount - 1).toBe(total);
    expect(sheet.getCell(2, columnOf(sheet, "kind")).dataValidation).toMatchObject({ type: "list" });
    expect(sheet.getCell(2, columnOf(sheet, "passport")).dataValidation?.formulae).toEqual(['"CONFIRMED,USUAL,NO"']);
    expect(help.name).toBe("Columnas");
    expect(String(help.getCell(1, 2).value)).toBe("Qué significa");
    // The CSV has the same columns.
    const csv = await (await download(as.gt, "GT.csv")).text();
    const rows = parse(csv.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(total);
  });

  it("an official of Mexico gets 403 on Guatemala's table, both ways, and an anonymous caller 401", async () => {
    expect((await download(as.mx)).status).toBe(403);
    const book = await workbook();
    const sent = await send(as.mx, await bytesOf(book), "?dryRun=1");
    expect(sent.status).toBe(403);
    expect(sent.body.error.message).toContain("MX");
    expect((await download({ accept: "application/json" })).status).toBe(401);
  });

  it("the round trip: a phone, a procedure confirmed and a new office, previewed exactly, sent, applied by the secretariat, sourced and dated by the submission", async () => {
    const book = await workbook();
    const sheet = book.worksheets[0];
    const [idCol, phonesCol, passportCol] = [columnOf(sheet, "id"), columnOf(sheet, "phones"), columnOf(sheet, "passport")];
    // The first office without a phone, and another whose passport is not confirmed.
    let phoneRow = 0;
    let passportRow = 0;
    for (let r = 2; r <= sheet.actualRowCount; r++) {
      if (!phoneRow && !sheet.getCell(r, phonesCol).text && sheet.getCell(r, columnOf(sheet, "status")).text === "ACTIVE") phoneRow = r;
      else if (!passportRow && sheet.getCell(r, passportCol).text !== "CONFIRMED" && sheet.getCell(r, columnOf(sheet, "kind")).text !== "HONORARY_CONSULATE") passportRow = r;
    }
    const phoneOffice = sheet.getCell(phoneRow, idCol).text;
    const passportOffice = sheet.getCell(passportRow, idCol).text;
    const passportBefore = sheet.getCell(passportRow, passportCol).text;
    sheet.getCell(phoneRow, phonesCol).value = PHONE;
    sheet.getCell(passportRow, passportCol).value = "CONFIRMED";
    const newRow = sheet.actualRowCount + 1;
    sheet.getRow(newRow).values = { sending_country: "BT", kind: "HONORARY_CONSULATE", city: "Quetzaltenango", emails: "consulado.bt@example.org" } as never;
    sheet.getRow(1).eachCell((cell, col) => {
      const key = String(cell.value);
      const value = ({ sending_country: "BT", kind: "HONORARY_CONSULATE", city: "Quetzaltenango", emails: "consulado.bt@example.org" } as Record<string, string>)[key];
      sheet.getCell(newRow, col).value = value ?? null;
    });
    const bytes = await bytesOf(book);
    const phoneBefore = await read(phoneOffice);
    const tableBefore = await gtTable();

    const preview = await send(as.gt, bytes, "?dryRun=1");
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, recorded: false, submissionId: null });
    expect(preview.body.diff.rejected).toEqual([]);
    expect(preview.body.diff.changed).toEqual(
      expect.arrayContaining([
        { row: phoneRow, id: phoneOffice, changes: { phones: [[], [PHONE]] } },
        { row: passportRow, id: passportOffice, changes: { passport: [passportBefore, "CONFIRMED"] } },
      ]),
    );
    expect(preview.body.diff.changed).toHaveLength(2);
    expect(preview.body.diff.created).toEqual([{ row: newRow, id: expect.stringMatching(/^bt-gt-/), sendingCountry: "BT", kind: "HONORARY_CONSULATE", city: "Quetzaltenango" }]);
    expect(await read(phoneOffice)).toEqual(phoneBefore); // a preview changes nothing

    const sent = await send(as.gt, bytes);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ dryRun: false, recorded: true, status: "PENDING" });
    expect(await read(phoneOffice)).toEqual(phoneBefore); // nothing changes before the secretariat applies it
    const id = sent.body.submissionId as string;
    const listed = (await stack.query(`{ countryTableSubmissions(status: PENDING) { id country submittedAs createdCount changedCount } }`, undefined, as.secretariat)).body.data
      .countryTableSubmissions;
    expect(listed).toContainEqual({ id, country: "GT", submittedAs: "OFFICIAL GT", createdCount: 1, changedCount: 2 });

    const applied = await stack.query(`mutation ($id: ID!) { applyCountryTableSubmission(id: $id) { status decidedAt } }`, { id }, as.secretariat);
    expect(applied.body.errors).toBeUndefined();
    expect(applied.body.data.applyCountryTableSubmission.status).toBe("APPLIED");

    const after = await read(phoneOffice);
    expect(after.phones).toEqual([{ raw: PHONE, e164: "+50223334444" }]);
    expect(after.provenance).toEqual({ lastVerifiedOn: today, verifiedByCountry: "GT" });
    const source = after.fieldSources.find((s: { field: string }) => s.field === "PHONE");
    expect(source).toMatchObject({ value: PHONE, url: `enlace:country-table/${id}`, published: today, seenOn: today });
    expect(source.excerpt).toContain("Submitted by the migration authority of Guatemala (OFFICIAL GT)");
    const passport = (await read(passportOffice)).procedures.find((p: { procedure: { code: string } }) => p.procedure.code === "PASSPORT");
    expect(passport).toMatchObject({ basis: "CONFIRMED", sourceUrl: `enlace:country-table/${id}` });
    const created = (await stack.query(`{ representations(filter: { hostCountry: ["GT"], sendingCountry: ["BT"] }) { nodes { id city emails provenance { verifiedByCountry } } } }`)).body.data
      .representations.nodes;
    expect(created).toEqual([{ id: preview.body.diff.created[0].id, city: "Quetzaltenango", emails: ["consulado.bt@example.org"], provenance: { verifiedByCountry: "GT" } }]);

    // Guatemala's completeness figures move; the public CSV and the office's page show the phone.
    const tableAfter = await gtTable();
    expect(tableAfter.withPhone).toBe(tableBefore.withPhone + 1);
    expect(tableAfter.lastSubmittedOn).toBe(today);
    expect(tableAfter.confirmedByCountryLast12Months).toBeGreaterThan(tableBefore.confirmedByCountryLast12Months);
    const csv = parse((await (await fetch(`${origin}/directory.csv?host=GT`)).text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(csv.find((r) => r.id === phoneOffice)?.phones).toContain("2333");
    const page = await (await fetch(`${origin}/offices/${phoneOffice}?lang=es`)).text();
    expect(page).toContain("+502 2333 4444");
    // Applied once: a second decision is refused.
    const again = await stack.query(`mutation ($id: ID!) { applyCountryTableSubmission(id: $id) { status } }`, { id }, as.secretariat);
    expect(again.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses with a clear, located error and changes nothing: a formula, a macro-enabled file, a 20 MB file, a hidden sheet, a row of another country, a phone without country code or broken", async () => {
    const before = (await stack.query(SUBMISSIONS, undefined, as.secretariat)).body.data.countryTableSubmissions.length;
    const fresh = async () => workbook();

    const withFormula = await fresh();
    withFormula.worksheets[0].getCell("F2").value = { formula: "1+1", result: 2 } as never;
    const formula = await send(as.gt, await bytesOf(withFormula));
    expect(formula.status).toBe(422);
    expect(formula.body.error).toMatchObject({ code: "FORMULA", cell: "F2" });

    const zip = await JSZip.loadAsync(await bytesOf(await fresh()));
    zip.file("xl/vbaProject.bin", Buffer.from("macro"));
    const macro = await send(as.gt, await zip.generateAsync({ type: "nodebuffer" }));
    expect(macro.status).toBe(422);
    expect(macro.body.error.code).toBe("MACROS");

    const huge = await send(as.gt, Buffer.alloc(20 * 1024 * 1024, 1));
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toContain("5 MB");

    const hiddenBook = await fresh();
    hiddenBook.addWorksheet("notas", { state: "hidden" });
    const hidden = await send(as.gt, await bytesOf(hiddenBook));
    expect(hidden.body.error).toMatchObject({ code: "HIDDEN_SHEET", sheet: "notas" });

    const rows = await fresh();
    const sheet = rows.worksheets[0];
    sheet.getCell(2, columnOf(sheet, "id")).value = "in-mx-emb-mexico-city";
    sheet.getCell(3, columnOf(sheet, "phones")).value = "2333 4444";
    sheet.getCell(4, columnOf(sheet, "phones")).value = "+502 123";
    const refused = await send(as.gt, await bytesOf(rows));
    expect(refused.status).toBe(422);
    expect(refused.body.recorded).toBe(false);
    expect(refused.body.diff.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: "id", code: "OTHER_HOST", value: "MX", reason: expect.stringContaining("not in Guatemala") }),
        { row: 3, column: "phones", code: "PHONE_NO_CODE", value: "2333 4444", reason: expect.stringContaining("no country code"), fix: PHONE },
        expect.objectContaining({ row: 4, column: "phones", code: "INVALID", value: "+502 123", reason: expect.stringContaining("not a valid phone number") }),
      ]),
    );
    expect((await stack.query(SUBMISSIONS, undefined, as.secretariat)).body.data.countryTableSubmissions.length).toBe(before);
  });
});
