import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { startTestStack, type TestStack } from "../helpers/stack";

const NEAREST = `query ($n: [String!]!, $near: NearInput!, $kinds: [RepresentationKind!], $max: Float, $lang: Lang) {
  nearestRepresentations(nationalities: $n, near: $near, kinds: $kinds, maxDistanceKm: $max) {
    byNationality { nationality { code } anyCovers results { representation { id } } emptyReason(lang: $lang) { code message } }
  }
}`;

describe.each(DATABASES)("NearestForNationality.emptyReason through the gateway (%s)", (db) => {
  let stack: TestStack;
  const nearest = async (variables: Record<string, unknown>, headers?: Record<string, string>) => {
    const { body } = await stack.query(NEAREST, variables, headers);
    expect(body.errors).toBeUndefined();
    return body.data.nearestRepresentations.byNationality as { nationality: { code: string }; anyCovers: boolean; results: unknown[]; emptyReason: { code: string; message: string } | null }[];
  };
  const tapachula = { latitude: 14.9, longitude: -92.27, country: "MX" };

  beforeAll(async () => {
    stack = await startTestStack(db);
  });
  afterAll(() => stack?.stop());

  it("says why for each nationality, in the order given, and nothing when an office can act", async () => {
    const [tv, er, hn, bd] = await nearest({ n: ["TV", "ER", "HN", "BD"], near: tapachula, lang: "EN" });
    // Tuvalu: no office anywhere in the directory (Somalia had none until issue 18 added its embassy in Washington).
    expect(tv).toMatchObject({ nationality: { code: "TV" }, anyCovers: false, results: [], emptyReason: { code: "NO_OFFICE_IN_DIRECTORY" } });
    expect(tv.emptyReason?.message).toBe(
      "The directory has no office of Tuvalu in the region or accredited to it. Ask the CRM Technical Secretariat, or the foreign ministry of Tuvalu, for its nearest mission outside the region.",
    );
    // Eritrea: its embassy in Washington (accredited to Canada) is listed, but cannot act in Mexico.
    expect(er.results.length).toBeGreaterThan(0);
    expect(er).toMatchObject({ anyCovers: false, emptyReason: { code: "NO_OFFICE_COVERS_PLACE" } });
    expect(er.emptyReason?.message).toContain("No office of Eritrea sits in Mexico or is accredited to it");
    // Honduras is a CRM member: its consulates are not the directory's business.
    expect(hn).toMatchObject({ results: [], emptyReason: { code: "CRM_MEMBER_STATE" } });
    expect(hn.emptyReason?.message).toMatch(/^Honduras is a CRM member state/);
    // Bangladesh has an embassy in Mexico City: nothing to explain.
    expect(bd).toMatchObject({ anyCovers: true, emptyReason: null });
  });

  it("tells filters that leave nothing apart from a country with no office", async () => {
    const [bd] = await nearest({ n: ["BD"], near: tapachula, max: 10 });
    expect(bd).toMatchObject({ results: [], emptyReason: { code: "NO_OFFICE_MATCHES" } });
    const [viceConsulates] = await nearest({ n: ["IN"], near: tapachula, kinds: ["VICE_CONSULATE"] });
    expect(viceConsulates.emptyReason?.code).toBe("NO_OFFICE_MATCHES");
  });

  it("speaks the language asked, else that of Accept-Language, else Spanish", async () => {
    const [spanish] = await nearest({ n: ["TV"], near: tapachula });
    expect(spanish.emptyReason?.message).toMatch(/^El directorio no tiene ninguna oficina de Tuvalu/);
    const [french] = await nearest({ n: ["HN"], near: tapachula }, { "accept-language": "fr" });
    expect(french.emptyReason?.message).toMatch(/^Honduras est un État membre de la CRM/);
    const [portuguese] = await nearest({ n: ["ER"], near: tapachula, lang: "PT" });
    expect(portuguese.emptyReason?.message).toMatch(/^Nenhum escritório de Eritreia fica em México/);
  });
});
