import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { startTestStack, type TestStack } from "../helpers/stack";

/**
 * Issue 18 through the gateway, on the seeded data: offices the directory lacked, each
 * value's source, career offices before honorary ones, and a lookup card that shows every
 * way to reach the office and its caveats in words.
 */
describe("contacts, coverage and status, each from a source (issue 18)", () => {
  let stack: TestStack;
  let origin: string;
  beforeAll(async () => {
    stack = await startTestStack("sqlite", { web: { frameOrigins: [], secureCookies: false, publicCacheControl: "public, max-age=60" } });
    origin = new URL(stack.url).origin;
  });
  afterAll(() => stack?.stop());

  const page = async (path: string) => {
    const response = await fetch(`${origin}${path}`);
    return { status: response.status, text: await response.text() };
  };
  const first = async (nationality: string, place: string, country: string, procedure?: string) => {
    const { body } = await stack.query(
      `query ($n: [String!]!, $p: String!, $c: String, $proc: ProcedureCode) {
        nearestRepresentations(nationalities: $n, near: { place: $p, country: $c }, procedure: $proc, first: 3) {
          byNationality { results { basis representation { id kind } } }
        }
      }`,
      { n: [nationality], p: place, c: country, proc: procedure ?? null },
    );
    expect(body.errors).toBeUndefined();
    return body.data.nearestRepresentations.byNationality[0].results;
  };

  it("a Cuban at Santiago de los Caballeros is sent to Cuba's embassy in Santo Domingo, which exists by its source", async () => {
    const [answer] = await first("CU", "Santiago de los Caballeros", "DO");
    expect(answer).toMatchObject({ basis: "RESIDENT", representation: { id: "cu-do-emb-santo-domingo" } });
    const { body } = await stack.query(`{ representation(id: "cu-do-emb-santo-domingo") { fieldSources { field url seenOn excerpt } } }`);
    const existence = body.data.representation.fieldSources.find((s: { field: string }) => s.field === "EXISTENCE");
    expect(existence.url).toMatch(/^https?:\/\//);
    expect(existence.excerpt.length).toBeGreaterThan(10);
  });

  it("with the emergency-travel-document filter an honorary consulate never comes before a career office that can act", async () => {
    for (const place of ["Monterrey", "Cancún"]) {
      const results = await first("IN", place, "MX", "EMERGENCY_TRAVEL_DOCUMENT");
      expect(results[0].representation.kind, place).not.toBe("HONORARY_CONSULATE");
      expect(results[0].basis).not.toBe("NONE");
    }
    // India's posts in Monterrey and Cancún are honorary, by their source.
    const { body } = await stack.query(`{ representation(id: "in-mx-cons-monterrey") { kind fieldSources { field value } } }`);
    expect(body.data.representation.kind).toBe("HONORARY_CONSULATE");
    expect(body.data.representation.fieldSources).toContainEqual({ field: "KIND", value: "HONORARY_CONSULATE" });
  });

  it("Haitians at Tijuana asking for a passport find Haiti's office in Tijuana, whose page says it issues them", async () => {
    const [answer] = await first("HT", "Tijuana", "MX", "PASSPORT");
    expect(answer.representation.id).toBe("ht-mx-other-tijuana");
  });

  it("the lookup card shows a call button, the e-mails and the website; 'Sin datos de contacto' only when there is none", async () => {
    const { text } = await page("/lookup?nationality=IN&place=Panam%C3%A1&country=PA");
    const card = text.match(/<li class="covers" data-office="in-pa-emb-panama-city"[\s\S]*?<\/li>\s*(?=<li class|<\/ol>)/)?.[0] ?? "";
    expect(card).toMatch(/<a class="call-button" href="tel:\+507\d+">Llamar /);
    expect(card).not.toContain("Sin datos de contacto");
    // An office with only a website shows it, not "no contact".
    const { text: ng } = await page("/lookup?nationality=NG&place=Ciudad+de+M%C3%A9xico&country=MX");
    const ngCard = ng.match(/data-office="ng-mx-emb-mexico-city"[\s\S]*?<\/li>/)?.[0] ?? "";
    expect(ngCard).toContain('class="website"');
    expect(ngCard).not.toContain("Sin datos de contacto");
  });

  it("a caveat is shown in words on the card and the office page, with its source beside it", async () => {
    const { text } = await page("/lookup?nationality=AF&place=Ottawa&country=CA");
    expect(text).toContain("las autoridades actuales del país de origen declararon inválidos los documentos");
    const office = await page("/offices/af-ca-emb-ottawa");
    expect(office.status).toBe(200);
    expect(office.text).toContain('data-caveat="DOCUMENTS_NOT_RECOGNISED"');
    expect(office.text).toMatch(/<details class="source-note"><summary>Fuente: [^<]+, publicada /);
  });

  it("the office page shows each contact's source and age; the CSV carries field_sources", async () => {
    const { text } = await page("/offices/in-pa-emb-panama-city");
    expect(text).toContain("Fuente: indianembassyinpanama.com");
    const csv = await (await fetch(`${origin}/directory.csv?sender=IN&host=PA`)).text();
    const [row] = parse(csv.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    const sources = JSON.parse(row.field_sources) as { field: string; value: string; excerpt: string }[];
    expect(sources.filter((s) => s.field === "PHONE").length).toBeGreaterThan(0);
    expect(sources.every((s) => s.excerpt.length > 0)).toBe(true);
  });

  it("names the office's city in the page's language where a page in that language does (issue 20): Ciudad de Panamá, Panama, Panama City; the open data keeps the city as stored", async () => {
    const names = { es: "Ciudad de Panamá", fr: "Panama", en: "Panama City" } as const;
    for (const [lang, name] of Object.entries(names)) {
      const { text } = await page(`/offices/in-pa-emb-panama-city?lang=${lang}`);
      expect(text, lang).toContain(`${name}, `);
      if (lang !== "en") expect(text.replace(/<details class="source-note">[\s\S]*?<\/details>/g, "").match(/.{80}Panama City.{40}/g), lang).toBeNull();
      const lookup = await page(`/lookup?nationality=IN&place=Paso+Canoas&lang=${lang}`);
      expect(lookup.text, lang).toContain(name);
    }
    const { body } = await stack.query(`{ representation(id: "in-pa-emb-panama-city") { city es: cityName(lang: ES) pt: cityName(lang: PT) } }`);
    expect(body.data.representation).toEqual({ city: "Panama City", es: "Ciudad de Panamá", pt: "Cidade do Panamá" });
    const [row] = parse((await (await fetch(`${origin}/directory.csv?sender=IN&host=PA`)).text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(row.city).toBe("Panama City");
  });
});
