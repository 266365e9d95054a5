import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { startTestStack, type TestStack } from "../helpers/stack";

const SEARCH = `query ($text: String, $first: Int, $after: String) {
  representations(filter: { text: $text }, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id kind city sendingCountry { code } }
  }
}`;

describe.each(DATABASES)("Query.representations(filter.text): full-text search (%s)", (db) => {
  let stack: TestStack;
  let haitian: { consulates: string[]; exactConsulates: string[]; embassies: string[]; newYork: string[] };
  const search = async (text: string, first = 100, after?: string) => {
    const { body } = await stack.query(SEARCH, { text, first, after });
    expect(body.errors).toBeUndefined();
    return body.data.representations as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      nodes: { id: string; kind: string; city: string | null; sendingCountry: { code: string } }[];
    };
  };
  const ids = async (text: string) => (await search(text)).nodes.map((n) => n.id);

  beforeAll(async () => {
    stack = await startTestStack(db);
    // What the directory holds, read without text search: the expected hits.
    const { body } = await stack.query(`{ representations(filter: { sendingCountry: ["HT"] }, first: 100) { nodes { id kind city } } }`);
    const offices = body.data.representations.nodes as { id: string; kind: string; city: string | null }[];
    haitian = {
      // "Consulado General de Haití" holds every word of "Consulado de Haití".
      consulates: offices.filter((o) => o.kind === "CONSULATE" || o.kind === "CONSULATE_GENERAL").map((o) => o.id),
      exactConsulates: offices.filter((o) => o.kind === "CONSULATE").map((o) => o.id),
      embassies: offices.filter((o) => o.kind === "EMBASSY").map((o) => o.id),
      newYork: offices.filter((o) => o.city === "New York").map((o) => o.id),
    };
    expect(haitian.consulates.length).toBeGreaterThanOrEqual(12);
    expect(haitian.embassies.length).toBeGreaterThanOrEqual(3);
  });
  afterAll(() => stack?.stop());

  it("finds an office by its name in es, en, fr and pt, ignoring case, accents and filler words", async () => {
    for (const text of ["consulado de haiti", "Consulate of Haiti", "consulat d'Haïti", "CONSULADO DO HAITI"]) {
      expect(new Set(await ids(text)), text).toEqual(new Set(haitian.consulates));
    }
    for (const text of ["embajada de Haití", "embassy of haiti", "ambassade d'haïti", "embaixada do Haiti"]) {
      expect(new Set(await ids(text)), text).toEqual(new Set(haitian.embassies));
    }
  });

  it("finds a city by its name in other languages (GeoNames alternate names)", async () => {
    const newYork = await ids("New York");
    expect(newYork.length).toBeGreaterThanOrEqual(15);
    for (const text of ["Nueva York", "Nouvelle-York", "Nova Iorque"]) expect(new Set(await ids(text)), text).toEqual(new Set(newYork));
    expect(await ids("consulado haiti nueva york")).toEqual(expect.arrayContaining(haitian.newYork));
    expect(await ids("Salvaleón de Higüey")).toContain("ht-do-cons-higuey");
  });

  it("matches the start of a word, as a search box sends it while typing", async () => {
    expect(await ids("tapach")).toEqual(expect.arrayContaining(["ht-mx-cons-tapachula"]));
    expect((await ids("tapach")).every((id) => id.includes("tapachula"))).toBe(true);
    expect(await ids("consulado hai")).toEqual(expect.arrayContaining(haitian.consulates));
  });

  it("ranks an exact name first, then by relevance", async () => {
    // "Embajada de Haití" is the exact name of the three embassies; other offices only mention Haiti.
    const page = await search("haiti");
    const embassies = page.nodes.slice(0, haitian.embassies.length).map((n) => n.id);
    expect(new Set(embassies)).not.toEqual(new Set(haitian.embassies)); // "haiti" alone is no office's name
    const exact = await search("embajada de haiti");
    expect(new Set(exact.nodes.slice(0, haitian.embassies.length).map((n) => n.id))).toEqual(new Set(haitian.embassies));
    // "Consulado de Haití" before "Consulado General de Haití".
    const consulates = await search("consulado de haiti");
    const n = haitian.exactConsulates.length;
    expect(new Set(consulates.nodes.slice(0, n).map((o) => o.id))).toEqual(new Set(haitian.exactConsulates));
    expect(consulates.nodes.slice(n).every((o) => o.kind === "CONSULATE_GENERAL")).toBe(true);
  });

  it("pages through results in relevance order with the cursor", async () => {
    const all = await ids("consulado");
    const first = await search("consulado", 7);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await search("consulado", 7, first.pageInfo.endCursor);
    expect([...first.nodes, ...second.nodes].map((n) => n.id)).toEqual(all.slice(0, 14));
    expect(first.totalCount).toBeGreaterThan(100); // every consulate, consulado, consulat…: more than one page of 100
  });

  it("ignores text made only of filler words, and finds nothing for unknown words", async () => {
    const everything = await search("", 0);
    expect((await search("de la", 0)).totalCount).toBe(everything.totalCount);
    expect(await ids("zzzqqq")).toEqual([]);
  });

  it("refuses text over 200 characters or 12 words, naming the field", async () => {
    for (const text of ["x".repeat(201), "x ".repeat(50_001), Array.from({ length: 13 }, (_, i) => `w${i}`).join(" ")]) {
      const { status, body } = await stack.query(SEARCH, { text, first: 5 });
      expect(status).toBe(200);
      expect(body.data).toBeNull();
      expect(body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.text" });
    }
  });

  it("keeps the index in step with edits", async () => {
    const { secretariat } = await stack.callers({ secretariat: { role: "SECRETARIAT", label: "ST" } });
    const { body: before } = await stack.query(`{ representation(id: "ht-mx-cons-tapachula") { version } }`);
    const { body } = await stack.query(
      `mutation ($v: Int!) { updateRepresentation(id: "ht-mx-cons-tapachula", version: $v, changes: { address: "Avenida Quetzalcóatl 14" }) { id } }`,
      { v: before.data.representation.version },
      secretariat,
    );
    expect(body.errors).toBeUndefined();
    expect(await ids("quetzalcoatl")).toEqual(["ht-mx-cons-tapachula"]);
  });
});
