import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distanceKm } from "../../subgraphs/directory/src/geo/distance";
import { placeReadings } from "../../subgraphs/directory/src/places/place-text";
import { DATABASES } from "../helpers/databases";
import { startTestStack, type TestStack } from "../helpers/stack";

const PLACE = `query ($near: NearInput!) {
  nearestRepresentations(nationalities: ["IN"], near: $near, first: 1) {
    place { name country { code } latitude longitude matchedBy division { code name } alternatives { name country { code } matchedBy division { code name(lang: EN) } } }
  }
}`;
const PLACES = `query ($search: String!, $country: String, $first: Int) {
  places(search: $search, country: $country, first: $first) { name country { code } kind matchedBy division { code name abbreviations } }
}`;

type Division = { code: string; name: string };
type Resolved = {
  name: string;
  country: { code: string };
  latitude: number;
  longitude: number;
  matchedBy: string;
  division: Division | null;
  alternatives: { name: string; country: { code: string }; matchedBy: string; division: Division | null }[];
};

/** The real towns, as GeoNames cities500 places them (ids 3516266, 3515819, 3530103). */
const TAPACHULA = { latitude: 14.90385, longitude: -92.25749 };
const TONALA_CHIAPAS = { latitude: 16.08977, longitude: -93.75489 };
const CIUDAD_HIDALGO_CHIAPAS = { latitude: 14.68148, longitude: -92.15217 };

describe("reading a typed place (issue 20, names as typed)", () => {
  it('"Name, State", "Name (State)" and "Name, State, Country" name the state; a trailing country is still a country', () => {
    expect(placeReadings("Tapachula, Chiapas")).toMatchObject([{ name: "Tapachula", division: { text: "Chiapas", divisions: [{ iso: "MX-CHP", admin1: "05" }] } }]);
    expect(placeReadings("Tonalá (Chis.)")).toMatchObject([{ name: "Tonalá", division: { divisions: [{ iso: "MX-CHP" }] } }]);
    expect(placeReadings("Tonalá, Chiapas, México")[0]).toMatchObject({ name: "Tonalá", country: "MX", division: { divisions: [{ iso: "MX-CHP" }] } });
    expect(placeReadings("El Paso, TX")).toMatchObject([{ name: "El Paso", division: { divisions: [{ iso: "US-TX" }] } }]);
    expect(placeReadings("Flores, Departamento de Petén")[0]).toMatchObject({ name: "Flores", division: { divisions: [{ iso: "GT-PE" }] } });
    expect(placeReadings("San José, Costa Rica")).toEqual([{ name: "San José", country: "CR" }]);
    // both a country (Canada) and a state (California): the country first, the state next
    expect(placeReadings("San Diego, CA").map((r) => r.country ?? r.division?.divisions[0].iso)).toEqual(["CA", "US-CA"]);
    // neither: the text stays whole, as before
    expect(placeReadings("Washington, Xyzland")).toEqual([{ name: "Washington, Xyzland" }]);
  });
});

describe.each(DATABASES)("places typed with their state, through the gateway (%s)", (db) => {
  let stack: TestStack;
  const resolve = async (near: Record<string, unknown>) => stack.query(PLACE, { near });
  const place = async (near: Record<string, unknown>): Promise<Resolved> => {
    const { body } = await resolve(near);
    expect(body.errors).toBeUndefined();
    return body.data.nearestRepresentations.place;
  };

  beforeAll(async () => {
    stack = await startTestStack(db);
  });
  afterAll(() => stack?.stop());

  it.each([
    ["Tapachula, Chiapas", TAPACHULA],
    ["Tonalá, Chiapas", TONALA_CHIAPAS],
    ["Ciudad Hidalgo, Chiapas", CIUDAD_HIDALGO_CHIAPAS],
    ["Tonalá, Chis.", TONALA_CHIAPAS],
    ["Ciudad Hidalgo (Chis.)", CIUDAD_HIDALGO_CHIAPAS],
    ["tonala, chiapas, mexico", TONALA_CHIAPAS],
  ])('"%s" resolves within 10 km of the town in Chiapas', async (text, town) => {
    const p = await place({ place: text });
    expect(p.country.code).toBe("MX");
    expect(p.division).toEqual({ code: "MX-CHP", name: "Chiapas" });
    expect(distanceKm(p, town)).toBeLessThan(10);
  });

  it('"Tonalá" in MX answers the larger (Jalisco) and offers the Chiapas namesake, each with its state', async () => {
    const p = await place({ place: "Tonalá", country: "MX" });
    expect(p).toMatchObject({ name: "Tonalá", country: { code: "MX" }, division: { code: "MX-JAL", name: "Jalisco" } });
    const chiapas = p.alternatives.find((a) => a.name === "Tonalá" && a.division?.code === "MX-CHP");
    expect(chiapas).toMatchObject({ country: { code: "MX" }, matchedBy: "EXACT", division: { name: "Chiapas" } });
  });

  it("places(search) shows the state of namesakes, with its sourced abbreviation", async () => {
    const { body } = await stack.query(PLACES, { search: "Tonalá", country: "MX", first: 3 });
    expect(body.errors).toBeUndefined();
    expect(body.data.places.slice(0, 2).map((p: { name: string; division: Division }) => [p.name, p.division.name])).toEqual([
      ["Tonalá", "Jalisco"],
      ["Tonalá", "Chiapas"],
    ]);
    expect(body.data.places[1].division.abbreviations).toEqual(["Chis."]);
  });

  it('"Darién" and "Darien" without a country are Panama\'s Darién (reception points one tap away), not Darien, Connecticut', async () => {
    for (const text of ["Darién", "Darien"]) {
      const p = await place({ place: text });
      expect(p).toMatchObject({ country: { code: "PA" }, matchedBy: "DIVISION", division: { code: "PA-5" } });
      expect(p.alternatives.filter((a) => a.country.code === "PA").map((a) => a.name)).toEqual(expect.arrayContaining(["Lajas Blancas", "Bajo Chiquito"]));
    }
    // with the United States named, the Darien there
    expect(await place({ place: "Darien", country: "US" })).toMatchObject({ name: "Darien", country: { code: "US" } });
  });

  it("US postal codes and Mexican abbreviations: El Paso, TX; Tijuana, B.C.; a trailing CA that is not in Canada is California", async () => {
    expect(await place({ place: "El Paso, TX" })).toMatchObject({ name: "El Paso", country: { code: "US" }, division: { code: "US-TX" } });
    expect(await place({ place: "Tijuana, B.C." })).toMatchObject({ name: "Tijuana", country: { code: "MX" }, division: { code: "MX-BCN" } });
    expect(await place({ place: "San Diego, CA" })).toMatchObject({ name: "San Diego", country: { code: "US" }, division: { code: "US-CA" } });
  });

  it("a state that fits no country given, or a place not in the state named, is BAD_USER_INPUT naming the field", async () => {
    const other = await resolve({ place: "Flores, Petén", country: "MX" });
    expect(other.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "near.place" });
    expect(other.body.errors?.[0].message).toMatch(/"Petén" is a state, province or department of GT, not of MX/);
    const inText = await resolve({ place: "Tonalá, Chiapas, Guatemala" });
    expect(inText.body.errors?.[0].message).toMatch(/"Chiapas" is a state, province or department of MX, not of GT/);
    const notThere = await resolve({ place: "Tapachula, Jalisco" });
    expect(notThere.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "near.place", country: "MX", elsewhere: [{ name: "Tapachula", country: "MX" }] });
    expect(notThere.body.errors?.[0].message).toMatch(/no place named "Tapachula" in Jalisco \(MX\); found elsewhere in MX: Tapachula \(Chiapas, MX\)/);
    // an unknown state: the text is a name, not found, as before
    const unknown = await resolve({ place: "Tapachula, Xyzland" });
    expect(unknown.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "near.place" });
    expect(unknown.body.errors?.[0].message).toMatch(/no place named "Tapachula, Xyzland"/);
  });
});
