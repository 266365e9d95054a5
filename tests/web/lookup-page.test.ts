import type { Request } from "express";
import { renderToString } from "preact-render-to-string";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Api } from "../../web/src/api/graphql";
import type { PageContext } from "../../web/src/components/layout";
import { translator } from "../../web/src/i18n";
import { lookupPage } from "../../web/src/pages/lookup";
import { startTestStack, type TestStack } from "../helpers/stack";

/** The visible text of a page's <main>, tags and the map left out, spaces folded. */
function mainText(html: string): string {
  const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
  return main
    .replace(/<svg[\s\S]*?<\/svg>/g, " ")
    .replace(/<select[\s\S]*?<\/select>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");
}

const officesOf = (html: string, nationality: string) => {
  const section = html.match(new RegExp(`<section[^>]*data-nationality="${nationality}"[\\s\\S]*?</section>`))?.[0] ?? "";
  return [...section.matchAll(/<li class="(covers|no-cover)" data-office="([^"]+)" data-basis="([A-Z_]+)"/g)].map((m) => ({ id: m[2], basis: m[3] }));
};

describe("the border lookup page (/lookup)", () => {
  let stack: TestStack;
  let origin: string;
  beforeAll(async () => {
    stack = await startTestStack("sqlite", { web: { frameOrigins: [], secureCookies: false, publicCacheControl: "public, max-age=60" } });
    origin = new URL(stack.url).origin;
  });
  afterAll(() => stack?.stop());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${origin}${path}`, { headers });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };

  it("shows just the form when nothing was asked: no error, no results", async () => {
    const page = await get("/lookup?lang=en");
    expect(page.status).toBe(200);
    expect(page.text).toContain("<h1>Nearest consulate</h1>");
    expect(page.text).toContain('<form method="get" action="/lookup#results" class="lookup-form"');
    expect(page.text).not.toContain('class="error-text"');
    expect(page.text).not.toContain("aria-invalid");
    expect(page.text).not.toContain('class="lookup-results"');
    // The autocomplete asks the places query by its trusted-document id.
    const id = page.text.match(/data-places="(sha256:[0-9a-f]{64})"/)![1];
    const places = await fetch(`${origin}/graphql?${new URLSearchParams({ documentId: id, variables: JSON.stringify({ search: "tapach", lang: "EN" }) })}`);
    expect(places.status).toBe(200);
    expect(places.headers.get("cache-control")).toMatch(/^public/);
    expect((await places.json()).data.places[0]).toEqual({ name: "Tapachula", kind: "CITY", country: { code: "MX", name: "Mexico" }, division: { code: "MX-CHP", name: "Chiapas" } });
  });

  it("says which fields are missing when the form is sent half filled, tied to the fields", async () => {
    const page = await get("/lookup?lang=en&nationality=&place=&lat=&lon=&country=&procedure=");
    expect(page.text).toContain('<span id="f-nationality-error" class="error-text">Pick at least one nationality.</span>');
    expect(page.text).toContain('<span id="f-place-error" class="error-text">Type a place or use your location.</span>');
    expect(page.text).toMatch(/<input id="f-place"[^>]*aria-describedby="f-place-hint f-place-error f-geo-status" aria-invalid="true"/);
    expect(page.text).toMatch(/<select id="f-nationality-1"[^>]*aria-describedby="f-nationality-hint f-nationality-error" aria-invalid="true"/);
  });

  it("Paso Canoas for an Indian national: a border post in Costa Rica, served from the embassy in Panama", async () => {
    const page = await get("/lookup?lang=en&nationality=IN&place=Paso+Canoas");
    const text = mainText(page.text);
    expect(text).toContain("Place understood as Paso Canoas, Costa Rica — border post");
    // The same name across the border, as a link that asks again.
    expect(page.text).toContain('<a href="/lookup?nationality=IN&amp;place=Paso+Canoas&amp;country=PA&amp;lang=en#results">Paso Canoas, Panama — border post</a>');
    const offices = officesOf(page.text, "IN");
    expect(offices[0]).toEqual({ id: "in-pa-emb-panama-city", basis: "CONCURRENT_ACCREDITATION" });
    // Career offices that can act come first; India's honorary consulate in San José (resident) after the embassy.
    expect(offices[1]).toEqual({ id: "in-cr-hcons-san-jose", basis: "RESIDENT" });
    expect(offices.slice(2).every((o) => o.basis === "NONE")).toBe(true);
    expect(text).toContain("Embassy of India Can act here: accredited to Costa Rica from Panama Embassy · Panama City, Panama Distance 367 km");
    expect(text).toContain("No competence here: listed only as the nearest");
    // Those that cannot act are folded under those that can: one line says how many (issue 20, point 5).
    expect(page.text).toMatch(/<details class="more-offices"><summary>3 more offices, no competence here<\/summary><ol class="results" start="3">/);
    expect(text).toMatch(/San Jose, Costa Rica Honorary consulate: usually issues no documents; call first\. Distance 207 km \(approximate: city position\)/);
    expect(page.text).toContain('href="/offices/in-pa-emb-panama-city?lang=en"');
    // The map: the place, and the offices linked to their pages.
    const map = page.text.match(/<svg[\s\S]*?<\/svg>/)![0];
    expect(map.match(/class="region-map-place"/g)).toHaveLength(1);
    expect(map.match(/class="region-map-office"/g)).toHaveLength(offices.length);
    expect(map).toContain('<a href="/offices/in-pa-emb-panama-city?lang=en">');
  });

  it("is in Spanish unless asked otherwise", async () => {
    const page = await get("/lookup?nationality=IN&place=Paso+Canoas");
    expect(page.text).toMatch(/^<!doctype html><html lang="es">/);
    const text = mainText(page.text);
    expect(text).toContain("Lugar entendido Paso Canoas, Costa Rica — puesto fronterizo");
    expect(text).toContain("Puede actuar aquí: acreditada ante Costa Rica desde Panamá");
    expect(text).toContain("Sin competencia aquí: se lista solo por ser la más cercana");
    expect(text).toContain("(aproximada: posición de la ciudad)");
  });

  it("a misspelt place: the error beside the field and the places it may be, as links that ask again", async () => {
    const page = await get("/lookup?lang=en&nationality=IN&place=Tapachla");
    expect(page.status).toBe(200);
    expect(page.text).toContain('<span id="f-place-error" class="error-text">That place was not found: check the name or pick a suggestion.</span>');
    expect(page.text).toMatch(/<input id="f-place"[^>]*value="Tapachla"[^>]*aria-invalid="true"/);
    expect(mainText(page.text)).toContain("“Tapachla” was not found Did you mean…? Tapachula, Mexico");
    expect(page.text).toContain('<a href="/lookup?nationality=IN&amp;place=Tapachula&amp;country=MX&amp;lang=en#results">Tapachula, Mexico</a>');
    expect(page.text).not.toContain('class="lookup-results"');
    const spanish = await get("/lookup?lang=es&nationality=IN&place=Tapachla");
    expect(mainText(spanish.text)).toContain("No se encontró “Tapachla” ¿Quiso decir…? Tapachula, México");
  });

  it("takes the device's position (lat/lon) and says where that is", async () => {
    const page = await get("/lookup?lang=en&nationality=IN&place=&lat=8.5331&lon=-82.8384");
    const text = mainText(page.text);
    expect(text).toContain("Place understood as Your position: 8.5331, -82.8384 (near Canoas), Costa Rica");
    // In Spanish, in Spanish words (issue 20): never "(near …)" on a Spanish page.
    const es = await get("/lookup?lang=es&nationality=IN&lat=8.5331&lon=-82.8384");
    expect(es.text).toContain("Su posición: 8.5331, -82.8384 (cerca de Canoas), Costa Rica");
    expect(officesOf(page.text, "IN")[0]).toEqual({ id: "in-pa-emb-panama-city", basis: "CONCURRENT_ACCREDITATION" });
    expect(page.text).toContain('<input type="hidden" name="lat" id="f-lat" value="8.5331"/>');
    expect(text).toContain("Your position will be used: 8.5331, -82.8384.");
    // A typed place wins over a position.
    expect(mainText((await get("/lookup?lang=en&nationality=IN&place=Tapachula&lat=8.5331&lon=-82.8384")).text)).toContain("Tapachula, Mexico — town or city");
  });

  it("Eritrea at Tapachula: no office covers Mexico, the API's reason and what to do", async () => {
    const page = await get("/lookup?lang=en&nationality=ER&place=Tapachula");
    expect(page.text).toContain('data-reason="NO_OFFICE_COVERS_PLACE"');
    const text = mainText(page.text);
    expect(text).toContain("No office of Eritrea sits in Mexico or is accredited to it");
    expect(page.text).toContain('<a href="/?sender=ER&amp;lang=en">See all offices of Eritrea in the directory</a>');
    expect(officesOf(page.text, "ER")).toEqual([{ id: "er-us-emb-washington-d-c", basis: "NONE" }]);
    const spanish = mainText((await get("/lookup?lang=es&nationality=ER&place=Tapachula")).text);
    expect(spanish).toContain("Ninguna oficina de Eritrea reside en México ni está acreditada ante ese país");
  });

  it("two presumed nationalities at Tapachula (BD, NP): each with its offices, those that can act in Mexico first", async () => {
    const page = await get("/lookup?lang=en&nationality=BD&nationality=NP&place=Tapachula");
    expect([...page.text.matchAll(/data-nationality="([A-Z]{2})"/g)].map((m) => m[1])).toEqual(["BD", "NP"]);
    expect(officesOf(page.text, "BD")[0]).toEqual({ id: "bd-mx-emb-mexico-city", basis: "RESIDENT" });
    expect(officesOf(page.text, "NP")[0]).toEqual({ id: "np-us-emb-washington-d-c", basis: "CONCURRENT_ACCREDITATION" });
    const text = mainText(page.text);
    expect(text).toContain("Offices of Bangladesh Embassy of Bangladesh Can act here: resident in Mexico");
    expect(text).toContain("Offices of Nepal Embassy of Nepal Can act here: accredited to Mexico from United States of America");
    // Phones as tel: links.
    // The call button dials Bangladesh's consular line in Mexico City when its number is valid; else the number shows as written.
    expect(page.text).toContain("+52-1-555-540-4741");
    // The form keeps both, and offers one more.
    expect(page.text).toMatch(/<select id="f-nationality-3" name="nationality">/);
    // Anonymous lookups are public data: shared and cached like other public pages.
    expect(page.headers.get("cache-control")).toBe("public, max-age=60");
    expect((await get("/lookup?lang=en&nationality=BD&nationality=NP&place=Tapachula")).headers.get("x-cache")).toBe("HIT");
  });

  it("takes the place's country from the form and shows e-mails as mailto: links", async () => {
    const page = await get("/lookup?lang=en&nationality=IT&place=San+Jos%C3%A9&country=CR");
    // Costa Rica has two towns of the name: each says its province.
    expect(mainText(page.text)).toContain("Place understood as San José (San José Province), Costa Rica — town or city");
    expect(officesOf(page.text, "IT")[0]).toEqual({ id: "it-cr-emb-san-jose", basis: "RESIDENT" });
    expect(page.text).toContain('<a href="mailto:ambasciata.sanjose@esteri.it">ambasciata.sanjose@esteri.it</a>');
    expect(page.text).toContain('<option value="CR" selected>Costa Rica</option>');
  });

  it("offers the namesake in another state one tap away, with its state, in the page's language (Tonalá, Jalisco / Tonalá, Chiapas)", async () => {
    const page = await get("/lookup?lang=es&nationality=IN&place=Tonal%C3%A1&country=MX");
    const text = mainText(page.text);
    expect(text).toContain("Tonalá (Jalisco), México — ciudad o pueblo");
    expect(text).toContain("Tonalá (Chiapas), México — ciudad o pueblo");
    // The link asks for that Tonalá by its state; followed, it is the one in Chiapas.
    const href = page.text.match(/<a href="([^"]*place=Tonal%C3%A1%2C(?:\+|%20)Chiapas[^"]*)">Tonalá \(Chiapas\)/)![1].replace(/&amp;/g, "&");
    const chiapas = await get(href.replace(/#.*$/, ""));
    expect(mainText(chiapas.text)).toContain("Lugar entendido Tonalá (Chiapas), México — ciudad o pueblo");
    expect(chiapas.text).toContain('data-place-country="MX"');
    const fr = mainText((await get("/lookup?lang=fr&nationality=IN&place=Tonal%C3%A1%2C+Chis.")).text);
    expect(fr).toContain("Lieu compris comme Tonalá (Chiapas), Mexique");
  });

  it("asks only for offices that handle a procedure when one is picked, and drops one the catalogue does not know", async () => {
    const page = await get("/lookup?lang=en&nationality=IN&place=Tapachula&procedure=PASSPORT");
    expect(mainText(page.text)).toContain("Only offices that handle: Passport.");
    expect(page.text).toContain('<option value="PASSPORT" selected>Passport</option>');
    const unknown = await get("/lookup?lang=en&nationality=IN&place=Tapachula&procedure=BOGUS");
    expect(unknown.text).not.toContain('role="alert"');
    expect(mainText(unknown.text)).toContain("Place understood as Tapachula, Mexico — town or city");
    expect(mainText(unknown.text)).not.toContain("Only offices that handle");
  });

  it("offers a signed-in official's own country as the place's country, and the API takes it", async () => {
    const { key } = await stack.keys.create({ role: "OFFICIAL", country: "PA", label: "SNM" });
    const api = new Api(stack.url, key);
    const ctx: PageContext = {
      lang: "en" as PageContext["lang"],
      t: translator("en" as PageContext["lang"]),
      path: "/lookup",
      query: new URLSearchParams(),
      viewer: { role: "OFFICIAL", country: "PA" },
    };
    const result = await lookupPage(ctx, api, { query: { nationality: "IN", place: "Paso Canoas" } } as unknown as Request);
    const html = renderToString(result.body);
    expect(html).toContain("Place country: Panama (yours) unless you pick another.");
    expect(html).toMatch(/<option value="PA" selected>Panama<\/option>/);
    expect(html).not.toContain("Any (the region first)");
    expect(mainText(html)).toContain("Paso Canoas, Panama — border post");
    expect(officesOf(html, "IN")[0]).toEqual({ id: "in-pa-emb-panama-city", basis: "RESIDENT" });
  });
});

describe("the lookup and directory in the official's words (issue 20, point 4)", () => {
  let stack: TestStack;
  let origin: string;
  beforeAll(async () => {
    stack = await startTestStack("sqlite", { web: { frameOrigins: [], secureCookies: false, publicCacheControl: "public, max-age=60" } });
    origin = new URL(stack.url).origin;
  });
  afterAll(() => stack?.stop());
  const get = async (path: string) => (await fetch(`${origin}${path}`, { headers: { "accept-language": "es" } })).text();

  it("lists the nationalities the CRM meets most first, without territories that have no nationals", async () => {
    const html = await get("/lookup");
    const first = html.match(/<select id="f-nationality-1"[\s\S]*?<\/select>/)?.[0] ?? "";
    expect(first).toMatch(/^<select[^>]*><option value>[^<]*<\/option><optgroup label="Las más frecuentes en la región"><option value="AF">/);
    expect(first).toContain('<optgroup label="Todas las demás">');
    for (const code of ["AQ", "BV", "HM", "GS", "TF", "UM", "IO"]) expect(first).not.toContain(`value="${code}"`);
  });

  it("says when more than 10 nationalities are asked, instead of dropping the 11th", async () => {
    const codes = ["AF", "AO", "BD", "BR", "CD", "CL", "CM", "CN", "CO", "CU", "EC"];
    const html = await get(`/lookup?${codes.map((c) => `nationality=${c}`).join("&")}&place=Tapachula`);
    expect(html).toContain("Elija como máximo 10 nacionalidades.");
  });

  it("says a refused filter in the page's language, never the API's English message", async () => {
    const html = await get("/?procedure=NOPE");
    expect(html).toContain("Un filtro no es válido (procedures[0]): corríjalo o quítelo.");
    expect(html).not.toMatch(/does not exist in|Variable "\$/);
  });
});

describe("no English word on a Spanish page (issue 20, point 4)", () => {
  let stack: TestStack;
  let origin: string;
  beforeAll(async () => {
    stack = await startTestStack("sqlite", { web: { frameOrigins: [], secureCookies: false, publicCacheControl: "public, max-age=60" } });
    origin = new URL(stack.url).origin;
  });
  afterAll(() => stack?.stop());

  /**
   * The words a page says: without scripts and styles, what is marked as another language
   * (lang="en"), quotations of sources (<blockquote>: a source's own words, verbatim), and
   * addresses of the web (URLs, e-mails, domains).
   */
  const spoken = (html: string) =>
    html
      .replace(/<(script|style|blockquote)[\s\S]*?<\/\1>/g, " ")
      .replace(/<(td|span|blockquote|p|div|li|dd)\b[^>]*\slang="(?!es")[^"]*"[^>]*>[\s\S]*?<\/\1>/g, " ")
      .replace(/<[^>]+>/g, " ")
      .replace(/&[a-z#0-9]+;/g, " ")
      .replace(/\S*[./@]\S*[./@]?\S*/g, (token) => (/[a-z0-9-]+\.[a-z]{2,}|@|\//i.test(token) ? " " : token));
  // Words English uses and Spanish never does (data such as addresses and cities are kept as their sources wrote them).
  const ENGLISH = /\b(the|and|with|near|from|your|you|for|this|that|of|office|offices|embassy|phone|hours|source|unknown|verified|search|results?)\b/i;

  /** Words a French or Portuguese page must not say: English ones, and Spanish ones neither language uses. */
  const NOT_FR = /\b(the|and|with|near|from|your|you|this|that|office|offices|embassy|phone|hours|verified|search|con|oficina|oficinas|embajada|teléfono|horario|verificado|buscar)\b/i;
  const NOT_PT = /\b(the|and|with|near|from|your|you|this|that|office|offices|embassy|phone|hours|source|verified|search|con|oficina|oficinas|embajada|teléfono|horario)\b/i;
  const sentencesMatching = (html: string, words: RegExp) =>
    spoken(html)
      .split(/(?<=[.!?])\s+|\n/)
      .filter((sentence) => words.test(sentence))
      .map((s) => s.trim().slice(0, 400));
  /** Signs in with a new key of the role; returns the session cookie. */
  const session = async (input: { role: string; country?: string; label: string }) => {
    const { key } = await stack.keys.create(input as never);
    const form = await fetch(`${origin}/signin?lang=es`);
    const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
    const signinCookie = form.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const answer = await fetch(`${origin}/signin?lang=es`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: signinCookie, origin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf, key }),
    });
    return answer.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .filter((c) => c.startsWith("enlace_session="))
      .join("; ");
  };

  it("the signed-in pages in Spanish: an official's (reports, the country's table, an office with its forms) and the secretariat's (corrections, data quality, tables by country, tables sent)", async () => {
    const official = await session({ role: "OFFICIAL", country: "GT", label: "IGM" });
    const secretariat = await session({ role: "SECRETARIAT", label: "ST" });
    const pages: [string, string][] = [
      [official, "/me/corrections?lang=es"],
      [official, "/me/country-table?lang=es"],
      [official, "/offices/za-gt-hcons-nocity?lang=es"],
      [secretariat, "/secretariat?lang=es"],
      [secretariat, "/secretariat/data-quality?lang=es"],
      [secretariat, "/secretariat/country-tables?lang=es"],
      [secretariat, "/secretariat/tables?lang=es"],
    ];
    for (const [cookie, path] of pages) {
      const response = await fetch(`${origin}${path}`, { headers: { cookie } });
      expect(response.status, path).toBe(200);
      expect({ path, found: sentencesMatching(await response.text(), ENGLISH) }).toEqual({ path, found: [] });
    }
  });

  it.each(["/", "/lookup", "/lookup?nationality=IN&nationality=BD&place=Paso+Canoas", "/offices/in-pa-emb-panama-city", "/open-data", "/embed?host=CR", "/signin"])(
    "in French and Portuguese: %s",
    async (path) => {
      for (const [lang, words] of [
        ["fr", NOT_FR],
        ["pt", NOT_PT],
      ] as const) {
        const html = await (await fetch(`${origin}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`)).text();
        expect({ lang, found: sentencesMatching(html, words) }).toEqual({ lang, found: [] });
      }
    },
  );

  it.each([
    "/?lang=es",
    "/?lang=es&host=MX&sender=HT",
    "/lookup?lang=es",
    "/lookup?lang=es&nationality=IN&nationality=BD&place=Paso+Canoas",
    "/lookup?lang=es&nationality=IN&lat=8.5331&lon=-82.8384",
    "/offices/in-pa-emb-panama-city?lang=es",
    "/offices/af-ca-emb-ottawa?lang=es",
    "/open-data?lang=es",
    "/embed?lang=es&host=CR",
    "/signin?lang=es",
  ])("%s", async (path) => {
    const html = await (await fetch(`${origin}${path}`)).text();
    const text = spoken(html);
    const found = text
      .split(/(?<=[.!?])\s+|\n/)
      .filter((sentence) => ENGLISH.test(sentence))
      .map((s) => s.trim().slice(0, 400));
    expect(found).toEqual([]);
  });
});
