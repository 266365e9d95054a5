import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";

const FRAME_ORIGIN = "https://crm.example.org";

describe("the directory page and open data (web/)", () => {
  let stack: TestStack;
  let origin: string;
  beforeAll(async () => {
    stack = await startTestStack("sqlite", { web: { frameOrigins: [FRAME_ORIGIN], secureCookies: false, publicCacheControl: "public, max-age=60, stale-while-revalidate=300" } });
    origin = new URL(stack.url).origin;
  });
  afterAll(() => stack?.stop());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${origin}${path}`, { headers, redirect: "manual" });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };

  it("is the front page, in Spanish unless asked otherwise, with the CRM's table", async () => {
    const page = await get("/?host=MX&sender=HT");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.text).toMatch(/^<!doctype html><html lang="es">/);
    expect(page.text).toContain("<h1>Embajadas y consulados en la región</h1>");
    const rows = [...page.text.matchAll(/<tr data-office="([^"]+)">/g)].map((m) => m[1]);
    expect(rows.sort()).toEqual(["ht-mx-cons-tapachula", "ht-mx-emb-mexico-city", "ht-mx-other-tijuana"]);
    expect(page.text).toContain('data-count="3"');
    // The procedures matrix tells confirmed apart from "usually handled — call first", with a legend.
    expect(page.text).toContain("Trámites por oficina");
    expect(page.text).toMatch(/class="offer typical"/);
  });

  it("takes the language from the URL, else Accept-Language, and its switch keeps the filters", async () => {
    expect((await get("/?host=MX", { "accept-language": "fr-CA,fr;q=0.9" })).text).toContain('<html lang="fr">');
    const en = await get("/?host=MX&sender=HT&lang=en", { "accept-language": "fr" });
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain("Embassies and consulates in the region");
    expect(en.text).toContain('href="/?host=MX&amp;sender=HT&amp;lang=pt"');
  });

  it("sends public pages with Cache-Control, a strong ETag, 304 on If-None-Match, and keeps them until a write", async () => {
    const first = await get("/?host=CR&lang=en", { "accept-encoding": "gzip" });
    const again = await get("/?host=CR&lang=en", { "accept-encoding": "gzip" });
    expect(again.headers.get("x-cache")).toBe("HIT");
    expect(first.headers.get("cache-control")).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    const etag = again.headers.get("etag")!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect((await get("/?host=CR&lang=en", { "accept-encoding": "gzip", "if-none-match": etag })).status).toBe(304);
    expect(first.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(first.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("shows a write to the very next anonymous visitor: the kept page is dropped with the revision", async () => {
    const path = "/offices/ht-mx-cons-tapachula?lang=en";
    await get(path);
    expect((await get(path)).headers.get("x-cache")).toBe("HIT");
    const { secretariat } = await stack.callers({ secretariat: ROLE_KEYS.secretariat });
    const read = await stack.query(`{ representation(id: "ht-mx-cons-tapachula") { version } }`);
    const write = await stack.query(
      `mutation($v: Int!) { updateRepresentation(id: "ht-mx-cons-tapachula", version: $v, changes: { address: "Calle de prueba 1", source: "https://example.org/test" }) { address } }`,
      { v: read.body.data.representation.version },
      secretariat,
    );
    expect(write.body.errors).toBeUndefined();
    const after = await get(path);
    expect(after.headers.get("x-cache")).toBe("MISS");
    expect(after.text).toContain("Calle de prueba 1");
    const list = await get("/?host=MX&sender=HT&lang=en");
    expect(list.text).toContain("Calle de prueba 1");
  });

  it("is an embeddable view that only the configured origins may frame", async () => {
    const embed = await get("/embed?host=CR&sender=NI&lang=en");
    expect(embed.status).toBe(200);
    expect(embed.headers.get("content-security-policy")).toContain(`frame-ancestors ${FRAME_ORIGIN}`);
    expect(embed.headers.get("x-frame-options")).toBeNull();
    expect(embed.text).not.toContain('class="site-header"');
    expect((await get("/")).headers.get("x-frame-options")).toBe("DENY");
  });

  it("serves an office's page and a 404 page for an unknown office", async () => {
    const office = await get("/offices/ht-mx-cons-tapachula?lang=en");
    expect(office.status).toBe(200);
    expect(office.text).toContain("<h1>Consulate of Haiti</h1>");
    expect(office.text).toContain("resident in Mexico");
    const missing = await get("/offices/nothing-here?lang=en");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBe("private, no-store");
  });

  it("publishes the directory as CSV and JSON with the licence and each row's sources", async () => {
    const response = await fetch(`${origin}/directory.csv?host=MX&sender=HT`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM: spreadsheets read the accents right
    const csv = bytes.subarray(3).toString("utf8");
    expect(csv.startsWith("id,name,kind,status,sending_country,host_country")).toBe(true);
    expect(csv.trim().split("\r\n")).toHaveLength(4);
    const json = JSON.parse((await get("/directory.json?host=MX&sender=HT")).text);
    expect(json.count).toBe(3);
    expect(json.licenceUrl).toBe("https://creativecommons.org/publicdomain/zero/1.0/");
    for (const office of json.offices) expect(office.provenance.sources.length).toBeGreaterThan(0);
    // The whole directory, gzipped when the client takes it (fetch unzips), with 304 on its ETag.
    const all = await fetch(`${origin}/directory.csv`, { headers: { "accept-encoding": "gzip" } });
    expect(all.headers.get("content-encoding")).toBe("gzip");
    expect((await all.text()).trim().split("\r\n").length).toBeGreaterThan(700);
    expect((await fetch(`${origin}/directory.csv`, { headers: { "accept-encoding": "gzip", "if-none-match": all.headers.get("etag")! } })).status).toBe(304);
  });

  it("serves its assets from its own origin, gzipped, immutable by versioned URL", async () => {
    const page = await get("/");
    const css = page.text.match(/href="(\/assets\/site\.css\?v=[0-9a-f]+)"/)![1];
    const response = await fetch(`${origin}${css}`, { headers: { "accept-encoding": "gzip" } });
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect((await response.text()).length).toBeGreaterThan(1000);
  });
});
