import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distanceKm } from "../../subgraphs/directory/src/geo/distance";
import { placeQueryStats, resolvePlaceQuery } from "../../subgraphs/directory/src/places/place-resolver";
import { DATABASES } from "../helpers/databases";
import { startTestStack, type TestStack } from "../helpers/stack";

const PLACE = `query ($near: NearInput!) {
  nearestRepresentations(nationalities: ["IN"], near: $near, first: 1) {
    place { name country { code } latitude longitude matchedBy alternatives { name country { code } latitude longitude matchedBy } }
  }
}`;
const PLACES = `query ($search: String!, $country: String, $first: Int) {
  places(search: $search, country: $country, first: $first) { name country { code } latitude longitude population kind matchedBy }
}`;

type Resolved = { name: string; country: { code: string }; latitude: number; longitude: number; matchedBy: string; alternatives: { name: string; country: { code: string }; matchedBy: string }[] };
type Row = { query: string; country_iso2: string; expected_name: string; expected_country_iso2: string; latitude: string; longitude: string };

const read = (path: string) => parse(readFileSync(join(__dirname, path), "utf8"), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
const TABLE = read("../fixtures/place-table.csv") as Row[];
/** The CRM region: member states and the directory's host countries. */
const REGION = new Set([
  ...read("../../seed/data/memberships.csv")
    .filter((m) => m.conference === "CRM" && m.standing === "MEMBER")
    .map((m) => m.country_iso2),
  ...read("../../seed/data/representations.csv").map((r) => r.host_country_iso2),
]);
const km = (a: { latitude: number; longitude: number }, row: Row) => distanceKm(a, { latitude: Number(row.latitude), longitude: Number(row.longitude) });

describe.each(DATABASES)("place resolution through the gateway (%s)", (db) => {
  let stack: TestStack;
  const officials = new Map<string, Record<string, string>>();
  const official = async (country: string) => {
    if (!officials.has(country)) officials.set(country, { authorization: `Bearer ${(await stack.keys.create({ role: "OFFICIAL", country, label: `officer ${country}` })).key}` });
    return officials.get(country) as Record<string, string>;
  };
  const resolve = async (near: Record<string, unknown>, headers?: Record<string, string>) => stack.query(PLACE, { near }, headers);
  const place = async (near: Record<string, unknown>, headers?: Record<string, string>): Promise<Resolved> => {
    const { body } = await resolve(near, headers);
    expect(body.errors).toBeUndefined();
    return body.data.nearestRepresentations.place;
  };

  beforeAll(async () => {
    stack = await startTestStack(db);
  });
  afterAll(() => stack?.stop());

  it('"Paso Canoas" anonymously is the Costa Rican border post, not Canoas, Brazil', async () => {
    const p = await place({ place: "Paso Canoas" });
    expect(p).toMatchObject({ name: "Paso Canoas", country: { code: "CR" }, matchedBy: "BORDER_POST", latitude: 8.53305, longitude: -82.83844 });
    // the Panamanian side, then the village above it, as "did you mean…"
    expect(p.alternatives.map((a) => [a.name, a.country.code, a.matchedBy])).toEqual([
      ["Paso Canoas", "PA", "BORDER_POST"],
      ["Paso Canoas Arriba", "PA", "PARTIAL"],
    ]);
  });

  it('"Peñas Blancas" is the NI–CR crossing (either side), not Spain', async () => {
    const p = await place({ place: "Peñas Blancas" });
    expect(p.matchedBy).toBe("BORDER_POST");
    expect(["CR", "NI"]).toContain(p.country.code);
    expect(p.alternatives[0]).toMatchObject({ name: "Peñas Blancas", country: { code: p.country.code === "CR" ? "NI" : "CR" } });
    expect((await place({ place: "Peñas Blancas", country: "CR" })).country.code).toBe("CR");
  });

  it('"Tecún Umán" with an OFFICIAL key from Guatemala is Tecún Umán, GT (was Uman, Ukraine); "Ciudad Tecún Umán" is the same place', async () => {
    const gt = await official("GT");
    const p = await place({ place: "Tecún Umán" }, gt);
    expect(p).toMatchObject({ name: "Tecún Umán", country: { code: "GT" }, matchedBy: "BORDER_POST", latitude: 14.67737, longitude: -92.14039 });
    expect(await place({ place: "Ciudad Tecún Umán" }, gt)).toMatchObject({ name: "Tecún Umán", country: { code: "GT" } });
    expect(await place({ place: "tecun uman" })).toMatchObject({ name: "Tecún Umán", country: { code: "GT" } });
  });

  it.each([
    [{ place: "San José, Costa Rica" }, "San José", "CR", 9.93333, -84.08333, "EXACT"],
    [{ place: "San José (CR)" }, "San José", "CR", 9.93333, -84.08333, "EXACT"],
    [{ place: "Washington" }, "Washington", "US", 38.89511, -77.03637, "EXACT"],
    [{ place: "Matamoros", country: "MX" }, "Matamoros", "MX", 25.87972, -97.50417, "BORDER_POST"],
    [{ place: "Ciudad Hidalgo", country: "MX" }, "Ciudad Hidalgo", "MX", 14.68148, -92.15217, "BORDER_POST"],
    [{ place: "Ciudad de Guatemala", country: "GT" }, "Guatemala City", "GT", 14.64072, -90.51327, "ALTERNATE_NAME"],
    [{ place: "Guatemala", country: "GT" }, "Guatemala City", "GT", 14.64072, -90.51327, "ALTERNATE_NAME"],
    [{ place: "Guate" }, "Guatemala City", "GT", 14.64072, -90.51327, "ALTERNATE_NAME"],
    [{ place: "Panama City" }, "Panamá", "PA", 8.9936, -79.51973, "ALTERNATE_NAME"],
    [{ place: "CDMX" }, "Mexico City", "MX", 19.42847, -99.12766, "ALTERNATE_NAME"],
    [{ place: "D.F." }, "Mexico City", "MX", 19.42847, -99.12766, "ALTERNATE_NAME"],
  ])("%j → %s, %s", async (near, name, country, latitude, longitude, matchedBy) => {
    const p = await place(near);
    expect(p).toMatchObject({ name, country: { code: country }, matchedBy });
    expect(distanceKm(p, { latitude, longitude })).toBeLessThan(1);
  });

  it('misspellings get suggestions from the region, never a far-away namesake: "Tapachla"', async () => {
    const { body } = await resolve({ place: "Tapachla" });
    expect(body.data).toBeNull();
    expect(body.errors?.[0].message).toContain("Tapachula (MX)");
    expect(body.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "near.place",
      suggestions: [{ name: "Tapachula", country: "MX", latitude: 14.90385, longitude: -92.25749 }, expect.anything(), expect.anything()],
    });
  });

  it('"paso canoa" without a country is the border post Paso Canoas, not the Mexican village Paso Canoa, which is offered as an alternative', async () => {
    const answer = await place({ place: "paso canoa" });
    expect(answer).toMatchObject({ name: "Paso Canoas", matchedBy: "PARTIAL" });
    expect(["CR", "PA"]).toContain(answer.country.code);
    expect(answer.alternatives.map((a: { name: string }) => a.name)).toContain("Paso Canoa");
  });

  it('"paso canoa" in Costa Rica is Paso Canoas, matched PARTIAL so that a page asks', async () => {
    expect(await place({ place: "paso canoa", country: "CR" })).toMatchObject({ name: "Paso Canoas", country: { code: "CR" }, matchedBy: "PARTIAL" });
  });

  it("a country with nothing of that name is BAD_USER_INPUT listing the closest names there and where the name is", async () => {
    const gt = await official("GT");
    // an official's own country is a constraint, never dropped
    const own = await resolve({ place: "Tapachula" }, gt);
    expect(own.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "near.place", country: "GT", suggestions: [], elsewhere: [{ name: "Tapachula", country: "MX" }] });
    expect(own.body.errors?.[0].message).toMatch(/no place named "Tapachula" in GT \(your own country.*found elsewhere: Tapachula \(MX\)/);
    const given = await resolve({ place: "Tecun Umam", country: "GT" });
    expect(given.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "near.place", country: "GT" });
    expect(given.body.errors?.[0].extensions?.suggestions[0]).toMatchObject({ name: "Tecún Umán", country: "GT" });
    // the official names another country in the text: searched there
    expect(await place({ place: "Tapachula, México" }, gt)).toMatchObject({ name: "Tapachula", country: { code: "MX" } });
    const conflict = await resolve({ place: "Tapachula, México", country: "GT" });
    expect(conflict.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "near.place" });
  });

  it("places(search): the same resolver as autocomplete, ranked, with how each matched", async () => {
    const { body } = await stack.query(PLACES, { search: "tapach" });
    expect(body.errors).toBeUndefined();
    expect(body.data.places[0]).toMatchObject({ name: "Tapachula", country: { code: "MX" }, kind: "CITY", matchedBy: "PARTIAL", population: 202672 });
    // both capitals of the name are in the region: the larger first, the other next
    const sanJose = (await stack.query(PLACES, { search: "San José", first: 3 })).body.data.places;
    expect(sanJose.map((p: { name: string; country: { code: string }; matchedBy: string }) => [p.name, p.country.code, p.matchedBy])).toEqual([
      ["San Jose", "US", "EXACT"],
      ["San José", "CR", "EXACT"],
      ["San José", "CR", "EXACT"],
    ]);
    const canoas = (await stack.query(PLACES, { search: "Paso Canoas", first: 20 })).body.data.places;
    expect(canoas.map((p: { name: string; country: { code: string }; matchedBy: string }) => [p.name, p.country.code, p.matchedBy])).toEqual([
      ["Paso Canoas", "CR", "BORDER_POST"],
      ["Paso Canoas", "PA", "BORDER_POST"],
      ["Paso Canoas Arriba", "PA", "PARTIAL"],
    ]);
    const inPanama = (await stack.query(PLACES, { search: "Paso Canoas", country: "PA" })).body.data.places;
    expect(inPanama.every((p: { country: { code: string } }) => p.country.code === "PA")).toBe(true);
  });

  it.each([
    [{ search: "Tapachula", first: 0 }, "first"],
    [{ search: "Tapachula", first: 21 }, "first"],
    [{ search: "  " }, "search"],
    [{ search: "Tapachula", country: "QQ" }, "country"],
    [{ search: "Xyzzyville" }, "search"],
  ])("places refuses %j with BAD_USER_INPUT on %s", async (variables, field) => {
    const { body } = await stack.query(PLACES, variables);
    expect(body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(body.data).toBeNull();
  });

  describe(`the test table: ${TABLE.length} queries of the region's border posts, reception points and capitals`, () => {
    const withCountry = TABLE.filter((r) => r.country_iso2);
    const anonymous = TABLE.filter((r) => !r.country_iso2);
    /** Rows that do not resolve within 10 km in the expected country; 8 requests in flight at a time. */
    const misses = async (rows: Row[], near: (r: Row) => Promise<Resolved>) => {
      const found: string[] = [];
      for (let i = 0; i < rows.length; i += 8) {
        await Promise.all(
          rows.slice(i, i + 8).map(async (row) => {
            const p = await near(row);
            if (!(km(p, row) <= 10 && p.country.code === row.expected_country_iso2))
              found.push(`${row.query} (${row.country_iso2 || "-"}) → ${p.name}, ${p.country.code}, ${km(p, row).toFixed(1)} km`);
          }),
        );
      }
      return found;
    };

    it(`with the country given: at least 95% of ${withCountry.length} within 10 km`, { timeout: 300_000 }, async () => {
      expect(withCountry.length).toBeGreaterThanOrEqual(100);
      const missed = await misses(withCountry, (r) => place({ place: r.query, country: r.country_iso2 }));
      expect(missed.length / withCountry.length, missed.join("; ")).toBeLessThanOrEqual(0.05);
    });

    it("with the country defaulted from an OFFICIAL key of that country: at least 95% within 10 km", { timeout: 300_000 }, async () => {
      for (const country of new Set(withCountry.map((r) => r.country_iso2))) await official(country);
      const missed = await misses(withCountry, async (r) => place({ place: r.query }, await official(r.country_iso2)));
      expect(missed.length / withCountry.length, missed.join("; ")).toBeLessThanOrEqual(0.05);
    });

    it(`anonymously (${anonymous.length}): never outside the CRM region (but for a place that is), at least 95% within 10 km`, { timeout: 300_000 }, async () => {
      expect(anonymous.length).toBeGreaterThanOrEqual(70);
      const outside: string[] = [];
      const missed = await misses(anonymous, async (r) => {
        const p = await place({ place: r.query });
        // Haiti is neither a CRM member nor a host of the directory: its own border posts and capital may answer Haiti
        if (!REGION.has(p.country.code) && p.country.code !== r.expected_country_iso2) outside.push(`${r.query} → ${p.name}, ${p.country.code}`);
        return p;
      });
      expect(outside).toEqual([]);
      // a crossing whose two sides share the name may answer the other side (within 10 km, in the other country)
      expect(missed.length / anonymous.length, missed.join("; ")).toBeLessThanOrEqual(0.05);
    });
  });
});

describe("place answers remembered", () => {
  it("per region set, text, country, own country and limit; a refusal never", () => {
    const region = new Set(REGION);
    const count = () => ({ ...placeQueryStats });
    const query = { text: "Tapachula", field: "near.place", region, defaultCountry: "MX", limit: 6 };
    const before = count();
    const first = resolvePlaceQuery(query);
    expect(first[0].place).toMatchObject({ name: "Tapachula", country: "MX" });
    const again = resolvePlaceQuery({ ...query });
    expect(again).toEqual(first);
    expect(again).not.toBe(first); // a copy: a caller cannot alter what the next one gets
    expect({ resolved: placeQueryStats.resolved - before.resolved, remembered: placeQueryStats.remembered - before.remembered }).toEqual({ resolved: 1, remembered: 1 });
    resolvePlaceQuery({ ...query, region: new Set(region) }); // another revision's sets
    resolvePlaceQuery({ ...query, limit: 1 });
    resolvePlaceQuery({ ...query, defaultCountry: undefined });
    expect(placeQueryStats.resolved - before.resolved).toBe(3 + 1);
    const misspelt = { ...query, text: "Tapachulaxq" };
    expect(() => resolvePlaceQuery(misspelt)).toThrow(/no place named/);
    expect(() => resolvePlaceQuery(misspelt)).toThrow(/no place named/);
    expect(placeQueryStats.remembered - before.remembered).toBe(1);
  });
});
