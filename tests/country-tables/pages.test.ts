import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../helpers/stack";

/** A signed-in browser, as far as these pages care: a cookie jar; every POST carries this site's Origin. */
class Browser {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly origin: string) {}
  async request(method: "GET" | "POST", path: string, body?: FormData | URLSearchParams) {
    const cookie = [...this.cookies].map(([n, v]) => `${n}=${v}`).join("; ");
    const response = await fetch(`${this.origin}${path}`, { method, redirect: "manual", headers: { ...(cookie && { cookie }), ...(body && { origin: this.origin }) }, body });
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      if (/max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(name.length + 1));
    }
    return { status: response.status, location: response.headers.get("location"), bytes: Buffer.from(await response.arrayBuffer()) };
  }
  async page(path: string) {
    const answer = await this.request("GET", path);
    return { ...answer, text: answer.bytes.toString("utf8") };
  }
  async signIn(key: string) {
    const form = await this.page("/signin?lang=es");
    const answer = await this.request("POST", "/signin?lang=es", new URLSearchParams({ csrf: csrfOf(form.text), key }));
    expect(answer.status).toBe(303);
  }
}

const csrfOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";

/**
 * Issue 21 on the signed-in pages: Guatemala's official downloads the table as CSV, edits it
 * in a spreadsheet's own encoding (Windows-1252, ";"), previews and sends it from the page;
 * the secretariat reviews it and applies it from its page.
 */
describe("a country's table on the pages", () => {
  let stack: TestStack;
  let origin: string;
  let keys: Record<string, string>;
  beforeAll(async () => {
    stack = await startTestStack("sqlite");
    origin = new URL(stack.url).origin;
    keys = {
      gt: (await stack.keys.create({ role: "OFFICIAL", country: "GT", label: "IGM" })).key,
      secretariat: (await stack.keys.create({ role: "SECRETARIAT", label: "ST" })).key,
    };
  });
  afterAll(() => stack?.stop());

  it("the official previews and sends Guatemala's table as CSV in Windows-1252; the secretariat applies it from its page", async () => {
    const official = new Browser(origin);
    await official.signIn(keys.gt);
    const mine = await official.page("/me/country-table?lang=es");
    expect(mine.status).toBe(200);
    expect(mine.text).toContain("La tabla de Guatemala");
    expect(mine.text).toContain('href="/country-tables/GT.xlsx?lang=es"');

    const csv = await official.request("GET", "/country-tables/GT.csv?lang=es");
    expect(csv.status).toBe(200);
    const rows = parse(csv.bytes.toString("utf8").replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    const target = rows.find((r) => !r.phones && r.status === "ACTIVE") as Record<string, string>;
    target.phones = "+502 2444 5555";
    target.address = "6a Avenida 20-25, Zona 10, Edificio Plaza Marítima, Ciudad de Guatemala";
    const edited = Buffer.from(stringify(rows, { header: true, delimiter: ";" }), "latin1");

    const send = async (dryRun: boolean) => {
      const form = new FormData();
      form.set("csrf", csrfOf((await official.page("/me/country-table?lang=es")).text));
      form.set("file", new Blob([new Uint8Array(edited)], { type: "text/csv" }), "tabla-GT.csv");
      if (dryRun) form.set("dryRun", "1");
      const answer = await official.request("POST", "/me/country-table?lang=es", form);
      return { status: answer.status, text: answer.bytes.toString("utf8") };
    };
    const preview = await send(true);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain("Vista previa: no se ha registrado nada.");
    expect(preview.text).toContain("+502 2444 5555");
    expect(preview.text).toContain("Edificio Plaza Marítima"); // read back from Windows-1252
    expect(preview.text).toContain("Oficinas con cambios: 1");
    const sent = await send(false);
    expect(sent.status).toBe(200);
    expect(sent.text).toContain("Tabla enviada: la Secretaría la revisará.");
    expect(sent.text).toContain("pendiente de revisión");

    const secretariat = new Browser(origin);
    await secretariat.signIn(keys.secretariat);
    const list = await secretariat.page("/secretariat/tables?lang=es");
    expect(list.text).toContain("Guatemala");
    const id = /\/secretariat\/tables\/([0-9a-f-]{36})/.exec(list.text)?.[1] as string;
    const detail = await secretariat.page(`/secretariat/tables/${id}?lang=es`);
    expect(detail.text).toContain("+502 2444 5555");
    const applied = await secretariat.request("POST", `/secretariat/tables/${id}/apply?lang=es`, new URLSearchParams({ csrf: csrfOf(detail.text) }));
    expect(applied.status).toBe(303);
    expect(applied.location).toContain("done=applied");
    const office = (await stack.query(`{ representation(id: "${target.id}") { phones { e164 } address provenance { verifiedByCountry } } }`)).body.data.representation;
    expect(office).toEqual({ phones: [{ e164: "+50224445555" }], address: target.address, provenance: { verifiedByCountry: "GT" } });
    const tables = await secretariat.page("/secretariat/country-tables?lang=es");
    expect(tables.text).toContain("Última tabla enviada");
  });

  it("a refused cell is said in Spanish on the page, with the value to write instead, and nothing is recorded", async () => {
    const official = new Browser(origin);
    await official.signIn(keys.gt);
    const form = new FormData();
    form.set("csrf", csrfOf((await official.page("/me/country-table?lang=es")).text));
    form.set("file", new Blob(["id;phones\nin-gt-emb-guatemala-city;2333 4444\n"], { type: "text/csv" }), "GT.csv");
    const answer = await official.request("POST", "/me/country-table?lang=es", form);
    const text = answer.bytes.toString("utf8");
    expect(answer.status).toBe(422);
    expect(text).toContain("«2333 4444» no tiene código de país: escriba +502 2333 4444.");
    expect(text).not.toContain("has no country code");
  });

  it("a workbook with a formula is refused on the page in Spanish, naming the cell, and nothing is recorded", async () => {
    const official = new Browser(origin);
    await official.signIn(keys.gt);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Oficinas");
    sheet.addRow(["id", "phones"]);
    sheet.addRow(["in-gt-emb-guatemala-city", { formula: '"+502"&"23334444"', result: "+50223334444" }]);
    const form = new FormData();
    form.set("csrf", csrfOf((await official.page("/me/country-table?lang=es")).text));
    form.set("file", new Blob([new Uint8Array(await book.xlsx.writeBuffer())]), "GT.xlsx");
    const answer = await official.request("POST", "/me/country-table?lang=es", form);
    expect(answer.status).toBe(422);
    expect(answer.bytes.toString("utf8")).toContain("La celda B2 de la hoja «Oficinas» contiene una fórmula");
    // Without the session's token, nothing is read.
    const forged = new FormData();
    forged.set("file", new Blob([new Uint8Array(await book.xlsx.writeBuffer())]), "GT.xlsx");
    expect((await official.request("POST", "/me/country-table?lang=es", forged)).status).toBe(403);
  });
});
