import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DirectoryFiltersDocument, NearestForIdentificationDocument, RepresentationsOfCountryInDocument, SearchRepresentationsDocument } from "../operations/generated/graphql";
import { startTestStack, type TestStack } from "./helpers/stack";

/** The CRM site's operations (operations/, typed by codegen) against the real stack. */
describe("operations/ through the gateway", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack("sqlite");
  });
  afterAll(() => stack?.stop());

  it("RepresentationsOfCountryIn: Haitian offices in Mexico and the Dominican Republic", async () => {
    const { body } = await stack.query(print(RepresentationsOfCountryInDocument), { sending: ["HT"], hosts: ["MX", "DO"], lang: "EN" });
    expect(body.errors).toBeUndefined();
    const page = body.data.representations;
    expect(page.totalCount).toBeGreaterThanOrEqual(5);
    expect(page.nodes[0]).toMatchObject({ name: expect.stringMatching(/of Haiti$/), hostCountry: { code: expect.stringMatching(/^(MX|DO)$/) } });
  });

  it("SearchRepresentations: accent-insensitive", async () => {
    const { body } = await stack.query(print(SearchRepresentationsDocument), { text: "dajabon" });
    expect(body.data.representations.nodes).toEqual([{ id: "ht-do-cons-dajabon", name: "Consulado de Haití", city: "Dajabón", hostCountry: { name: "República Dominicana" } }]);
  });

  it("DirectoryFilters: CRM countries and the procedure catalogue", async () => {
    const { body } = await stack.query(print(DirectoryFiltersDocument), { lang: "PT" });
    expect(body.data.countries).toHaveLength(16);
    expect(body.data.procedures[0]).toEqual({ code: "PASSPORT", label: "Passaporte" });
  });

  it("NearestForIdentification: Bangladesh or Nepal near Tapachula", async () => {
    const { body } = await stack.query(print(NearestForIdentificationDocument), { nationalities: ["BD", "NP"], place: "tapachula", lang: "EN" });
    expect(body.errors).toBeUndefined();
    const groups = body.data.nearestRepresentations.byNationality;
    expect(groups.map((g: { nationality: { name: string } }) => g.nationality.name)).toEqual(["Bangladesh", "Nepal"]);
    expect(groups[0].results[0].representation.name).toBe("Embassy of Bangladesh");
    expect(groups[0].emptyReason).toBeNull();
  });
});
