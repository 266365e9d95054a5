import { readFileSync } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HAS_CHROMIUM, launchChromium } from "../helpers/chromium";
import { startTestStack, type TestStack } from "../helpers/stack";

const TABLE = (
  parse(readFileSync(join(__dirname, "../fixtures/place-table.csv"), "utf8"), { columns: true }) as { expected_name: string; expected_country_iso2: string; latitude: string; longitude: string }[]
).filter((r) => r.latitude && r.expected_country_iso2);
const PLACES = [...new Map(TABLE.map((r) => [`${r.latitude},${r.longitude}`, r])).values()];
const NATIONALITIES = ["IN", "CU", "HT", "BD", "CN"];
const NEAREST = `query ($n: [String!]!, $lat: Float!, $lon: Float!, $c: String) {
  nearestRepresentations(nationalities: $n, near: { latitude: $lat, longitude: $lon, country: $c }, first: 5) { byNationality { nationality { code } results { representation { id } } } }
}`;

/**
 * Issue 20, point 1: visit the lookup once; then, with no network (the server gone), look up
 * other nationalities at other places: the answers come from the data kept on the phone,
 * with its date, ranked by the same module as the server's, and match the online answers
 * for the project's place table.
 */
describe.skipIf(!HAS_CHROMIUM)("the lookup without a network, in Chromium", () => {
  let stack: TestStack;
  let browser: Browser;
  let origin: string;
  const online = new Map<string, string[]>();
  beforeAll(async () => {
    stack = await startTestStack("sqlite", { web: { frameOrigins: [], secureCookies: false, publicCacheControl: "public, max-age=60" } });
    origin = new URL(stack.url).origin;
    browser = await launchChromium();
    // The online answers first: the first office per nationality, by the place's coordinates and country.
    for (const p of PLACES) {
      const { body } = await stack.query(NEAREST, { n: NATIONALITIES, lat: Number(p.latitude), lon: Number(p.longitude), c: p.expected_country_iso2 });
      online.set(
        `${p.latitude},${p.longitude}`,
        body.data.nearestRepresentations.byNationality.map((g: { results: { representation: { id: string } }[] }) => g.results[0]?.representation.id ?? ""),
      );
    }
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("keeps the offline data within its budget: 400 kB gzipped", async () => {
    const bytes = await new Promise<number>((resolve, reject) => {
      get(`${origin}/offline/data.json?lang=es`, { headers: { "accept-encoding": "gzip" } }, (res) => {
        let n = 0;
        res.on("data", (chunk: Buffer) => (n += chunk.length));
        res.on("end", () => resolve(n));
      }).on("error", reject);
    });
    console.log(`offline data: ${(bytes / 1024).toFixed(0)} kB gzipped`);
    expect(bytes).toBeLessThanOrEqual(400 * 1024);
  });

  it("after one visit, answers lookups offline with the date of its data, the same first offices as online, and offline autocomplete", { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "es" });
    try {
      const tab = await context.newPage();
      await tab.goto(`${origin}/lookup?lang=es`);
      await tab.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await tab.waitForFunction(async () => !!(await (await caches.open("enlace-offline-v1")).match("/offline/data.json?lang=es")), undefined, { timeout: 60_000 });
      const size = await tab.evaluate(async () => (await (await (await caches.open("enlace-offline-v1")).match("/offline/data.json?lang=es"))!.text()).length);
      console.log(`offline data kept: ${(size / 1024).toFixed(0)} kB unzipped`);
      // A reload under the worker's control keeps the page's assets too.
      await tab.reload();
      await tab.waitForLoadState("networkidle");

      // No network: the server is gone.
      await stack.stop();

      await tab.goto(`${origin}/lookup?lang=es&nationality=BD&nationality=NP&place=Tapachula`);
      expect(await tab.locator("[data-offline-date]").textContent()).toMatch(/^Sin conexión: respuesta con los datos del \d+ de \w+ de \d{4}/);
      expect(await tab.locator('section[data-nationality="BD"] li').first().getAttribute("data-office")).toBe("bd-mx-emb-mexico-city");

      const differ: string[] = [];
      for (const p of PLACES) {
        await tab.goto(`${origin}/lookup?lang=es&${NATIONALITIES.map((n) => `nationality=${n}`).join("&")}&lat=${p.latitude}&lon=${p.longitude}&country=${p.expected_country_iso2}`);
        const offline = await Promise.all(
          NATIONALITIES.map(
            async (n) =>
              (await tab
                .locator(`section[data-nationality="${n}"] li`)
                .first()
                .getAttribute("data-office")
                .catch(() => null)) ?? "",
          ),
        );
        const expected = online.get(`${p.latitude},${p.longitude}`) ?? [];
        if (offline.join() !== expected.join()) differ.push(`${p.expected_name}: ${offline.join()} ≠ ${expected.join()}`);
      }
      expect(differ).toEqual([]);
      console.log(`offline = online for ${PLACES.length} places × ${NATIONALITIES.length} nationalities`);

      const suggestions = await tab.evaluate(
        async () => (await (await fetch(`/graphql?documentId=x&variables=${encodeURIComponent(JSON.stringify({ search: "Tapach", first: 6 }))}`)).json()).data.places,
      );
      expect(suggestions[0]).toMatchObject({ name: "Tapachula", country: { code: "MX" }, division: { code: "MX-CHP", name: "Chiapas" } });

      // Names as typed, offline too: "Name, State" searches that state; namesakes come with their state.
      const tonala = await tab.evaluate(
        async () => (await (await fetch(`/graphql?documentId=x&variables=${encodeURIComponent(JSON.stringify({ search: "Tonalá", country: "MX", first: 6 }))}`)).json()).data.places,
      );
      expect(tonala.slice(0, 2).map((p: { name: string; division: { name: string } }) => `${p.name} (${p.division.name})`)).toEqual(["Tonalá (Jalisco)", "Tonalá (Chiapas)"]);
      for (const text of ["Tonalá, Chiapas", "Tonalá (Chis.)", "Tonalá, Chiapas, México"]) {
        const [first] = await tab.evaluate(
          async (search) => (await (await fetch(`/graphql?documentId=x&variables=${encodeURIComponent(JSON.stringify({ search, first: 6 }))}`)).json()).data.places,
          text,
        );
        expect(first, text).toMatchObject({ name: "Tonalá", country: { code: "MX" }, division: { code: "MX-CHP" } });
      }
      await tab.goto(`${origin}/lookup?lang=es&nationality=IN&place=${encodeURIComponent("Ciudad Hidalgo, Chis.")}`);
      expect(await tab.locator(".place-understood").textContent()).toBe("Ciudad Hidalgo (Chiapas), México");
    } finally {
      await context.close();
    }
  });
});
