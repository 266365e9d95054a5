import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { startTestStack, type TestStack } from "../helpers/stack";

const NEAREST = `query ($n: [String!]!, $near: NearInput!, $procedure: ProcedureCode, $first: Int, $max: Float) {
  nearestRepresentations(nationalities: $n, near: $near, procedure: $procedure, first: $first, maxDistanceKm: $max) {
    place { name country { code } latitude longitude population matchedBy alternatives { name country { code } latitude longitude matchedBy } }
    byNationality {
      nationality { code }
      anyCovers
      results { distanceKm coversLocation basis coordinatePrecision representation { id kind hostCountry { code } address phones { raw } openingHours provenance { sourceDate } staleness { level } } }
    }
  }
}`;

type Result = { distanceKm: number | null; coversLocation: boolean; basis: string; representation: { id: string; kind: string } };

describe.each(DATABASES)("Query.nearestRepresentations on the real data (%s)", (db) => {
  let stack: TestStack;
  const nearest = async (variables: Record<string, unknown>, headers?: Record<string, string>) => {
    const { body } = await stack.query(NEAREST, variables, headers);
    expect(body.errors).toBeUndefined();
    return body.data.nearestRepresentations;
  };
  const ids = (results: Result[]) => results.map((r) => r.representation.id);

  beforeAll(async () => {
    stack = await startTestStack(db);
  });
  afterAll(() => stack?.stop());

  it("Bangladesh near Tapachula: the embassy in Mexico City, resident in Mexico, first", async () => {
    const r = await nearest({ n: ["BD"], near: { place: "Tapachula" } });
    expect(r.place).toMatchObject({ name: "Tapachula", country: { code: "MX" }, population: 202672 });
    const [bd] = r.byNationality;
    expect(bd.anyCovers).toBe(true);
    expect(bd.results[0]).toMatchObject({ coversLocation: true, basis: "RESIDENT", coordinatePrecision: "EXACT", representation: { id: "bd-mx-emb-mexico-city" } });
    expect(bd.results[0].distanceKm).toBeGreaterThan(850);
    expect(bd.results[0].distanceKm).toBeLessThan(950);
    expect(bd.results.slice(1).every((x: Result) => !x.coversLocation)).toBe(true);
  });

  it("India near Paso Canoas (Costa Rica): the embassy in Panama, accredited to Costa Rica, ranks first", async () => {
    const r = await nearest({ n: ["IN"], near: { place: "Paso Canoas", country: "CR" }, first: 10 });
    expect(r.place).toMatchObject({ name: "Paso Canoas", country: { code: "CR" }, matchedBy: "BORDER_POST", latitude: 8.53305, longitude: -82.83844 });
    const results: Result[] = r.byNationality[0].results;
    expect(results[0]).toMatchObject({ coversLocation: true, basis: "CONCURRENT_ACCREDITATION", representation: { id: "in-pa-emb-panama-city" } });
    // every office that covers Costa Rica comes before every office that does not, whatever the distance
    const firstNone = results.findIndex((x) => !x.coversLocation);
    expect(results.slice(firstNone).every((x) => !x.coversLocation)).toBe(true);
    // within each group, by distance
    const located = results
      .slice(firstNone)
      .filter((x) => x.distanceKm !== null)
      .map((x) => x.distanceKm as number);
    expect(located).toEqual([...located].sort((a, b) => a - b));
  });

  it("an official's own country is a constraint: a Panamanian officer typing Paso Canoas gets the Panamanian side", async () => {
    const anonymous = await nearest({ n: ["IN"], near: { place: "paso canoas" } });
    expect(anonymous.place).toMatchObject({ name: "Paso Canoas", country: { code: "CR" }, matchedBy: "BORDER_POST" });
    const { key } = await stack.keys.create({ role: "OFFICIAL", country: "PA", label: "SNM Paso Canoas" });
    const r = await nearest({ n: ["IN"], near: { place: "paso canoas" } }, { authorization: `Bearer ${key}` });
    expect(r.place).toMatchObject({ name: "Paso Canoas", country: { code: "PA" }, matchedBy: "BORDER_POST" });
    // on the Panamanian side the embassy in Panama City is resident, no longer concurrently accredited
    expect(r.byNationality[0].results[0]).toMatchObject({ basis: "RESIDENT", representation: { id: "in-pa-emb-panama-city" } });
    // naming the country in the text overrides the official's default
    const named = await nearest({ n: ["IN"], near: { place: "Paso Canoas, Costa Rica" } }, { authorization: `Bearer ${key}` });
    expect(named.place).toMatchObject({ name: "Paso Canoas", country: { code: "CR" } });
  });

  it("two presumed nationalities at once, in the order given", async () => {
    const r = await nearest({ n: ["NP", "BD"], near: { place: "Tapachula" }, first: 3 });
    expect(r.byNationality.map((g: { nationality: { code: string } }) => g.nationality.code)).toEqual(["NP", "BD"]);
    expect(r.byNationality[0].results[0]).toMatchObject({ basis: "CONCURRENT_ACCREDITATION", representation: { id: "np-us-emb-washington-d-c" } });
    expect(r.byNationality[1].results[0].representation.id).toBe("bd-mx-emb-mexico-city");
  });

  it("a procedure filter excludes honorary consulates that cannot issue travel documents", async () => {
    const all = await nearest({ n: ["NP"], near: { place: "Tijuana" }, first: 10 });
    const kinds = all.byNationality[0].results.map((x: Result) => x.representation.kind);
    expect(kinds).toContain("HONORARY_CONSULATE"); // San Diego, across the border, placed at its city
    const etd = await nearest({ n: ["NP"], near: { place: "Tijuana" }, procedure: "EMERGENCY_TRAVEL_DOCUMENT", first: 10 });
    expect(etd.byNationality[0].results.map((x: Result) => x.representation.kind)).not.toContain("HONORARY_CONSULATE");
    expect(etd.byNationality[0].results[0].representation.id).toBe("np-us-emb-washington-d-c");
  });

  it("reads place names with or without accents and case", async () => {
    const accented = await nearest({ n: ["HT"], near: { place: "Ciudad de Panamá" } });
    const plain = await nearest({ n: ["HT"], near: { place: "ciudad de panama" } });
    expect(accented).toEqual(plain);
    expect(accented.place).toMatchObject({ name: "Panamá", country: { code: "PA" }, matchedBy: "ALTERNATE_NAME" });
  });

  it("when no office of a country covers the place, returns the nearest anywhere, flagged", async () => {
    const r = await nearest({ n: ["BD"], near: { place: "Kingston", country: "JM" } });
    const [bd] = r.byNationality;
    expect(bd.anyCovers).toBe(false);
    expect(bd.results.length).toBeGreaterThan(0);
    expect(bd.results.every((x: Result) => x.basis === "NONE" && !x.coversLocation)).toBe(true);
  });

  it("takes coordinates, with the country of the boundary they fall in unless told", async () => {
    const r = await nearest({ n: ["BD"], near: { latitude: 14.9054, longitude: -92.2589 } });
    expect(r.place).toMatchObject({ country: { code: "MX" }, matchedBy: "COORDINATES", alternatives: [], population: null });
    expect(r.byNationality[0].results[0].representation.id).toBe("bd-mx-emb-mexico-city");
    const capped = await nearest({ n: ["BD"], near: { latitude: 14.9054, longitude: -92.2589 }, max: 500 });
    expect(capped.byNationality[0].results).toEqual([]);
    // the US side of the Otay Mesa crossing, ~0.5 km north of the line: the country is the US (its nearest town named),
    // and Mexico, a few hundred metres away, is offered as the other side
    const otay = await nearest({ n: ["IN"], near: { latitude: 32.553, longitude: -116.938 } });
    expect(otay.place).toMatchObject({ name: "32.553, -116.938 (near San Ysidro)", country: { code: "US" }, matchedBy: "COORDINATES" });
    expect(otay.place.alternatives).toContainEqual(expect.objectContaining({ name: "Tijuana", country: expect.objectContaining({ code: "MX" }) }));
    const told = await nearest({ n: ["IN"], near: { latitude: 32.553, longitude: -116.938, country: "MX" } });
    expect(told.place.country.code).toBe("MX");
  });

  it("reports distances and applies maxDistanceKm on one Earth radius (an office at 367.7 km no longer passes 367.5)", async () => {
    const near = { latitude: 14.9054, longitude: -92.2589 };
    const reported = (await nearest({ n: ["BD"], near, first: 1 })).byNationality[0].results[0];
    expect(reported.representation.id).toBe("bd-mx-emb-mexico-city");
    // on the mean radius, 6,371.0088 km; the equatorial radius would report ~1 km more
    expect(reported.distanceKm).toBeGreaterThan(850);
    const justBelow = await nearest({ n: ["BD"], near, first: 1, max: reported.distanceKm - 0.1 });
    expect(justBelow.byNationality[0].results.map((r: Result) => r.representation.id)).not.toContain("bd-mx-emb-mexico-city");
    const justAbove = await nearest({ n: ["BD"], near, first: 1, max: reported.distanceKm + 0.1 });
    expect(justAbove.byNationality[0].results[0]).toMatchObject({ distanceKm: reported.distanceKm, representation: { id: "bd-mx-emb-mexico-city" } });
  });

  it.each([
    [{ n: ["BD"], near: { place: "Xyzzyville" } }, "near.place"],
    [{ n: ["BD"], near: { place: "Tapachula", latitude: 1, longitude: 2 } }, "near"],
    [{ n: ["BD"], near: {} }, "near"],
    [{ n: ["BD"], near: { latitude: 95, longitude: 0 } }, "near.latitude"],
    [{ n: ["XX"], near: { place: "Tapachula" } }, "nationalities"],
    [{ n: [], near: { place: "Tapachula" } }, "nationalities"],
    [{ n: ["BD"], near: { place: "Tapachula", country: "QQ" } }, "near.country"],
    [{ n: ["BD"], near: { place: "Tapachula" }, first: 0 }, "first"],
  ])("refuses %j with BAD_USER_INPUT on %s", async (variables, field) => {
    const { body } = await stack.query(NEAREST, variables);
    expect(body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(body.data).toBeNull();
  });

  it("stays correct when offices are moved, closed and added", async () => {
    const { key } = await stack.keys.create({ role: "SECRETARIAT", label: "ST" });
    const st = { authorization: `Bearer ${key}` };
    const first = async () => (await nearest({ n: ["BD"], near: { place: "Tapachula" }, first: 1 })).byNationality[0].results[0];
    const version = async (id: string) => (await stack.query(`{ representation(id: "${id}") { version } }`)).body.data.representation.version;
    expect((await first()).representation.id).toBe("bd-mx-emb-mexico-city");

    // moved next door: the distance follows
    await stack.query(
      `mutation ($v: Int!) { updateRepresentation(id: "bd-mx-emb-mexico-city", version: $v, changes: { coordinates: { latitude: 14.9, longitude: -92.26 } }) { version } }`,
      { v: await version("bd-mx-emb-mexico-city") },
      st,
    );
    expect((await first()).distanceKm).toBeLessThan(2);

    // closed: no longer offered; the nearest covering office is now another one or none
    await stack.query(
      `mutation ($v: Int!) { changeRepresentationStatus(id: "bd-mx-emb-mexico-city", version: $v, status: CLOSED, since: "2026-11-01") { status } }`,
      { v: await version("bd-mx-emb-mexico-city") },
      st,
    );
    expect((await first()).representation.id).not.toBe("bd-mx-emb-mexico-city");

    // added: a consulate in Tapachula itself, placed by the secretariat
    const created = await stack.query(
      `mutation { createRepresentation(input: { kind: CONSULATE, sendingCountry: "BD", hostCountry: "MX", city: "Tapachula", coordinates: { latitude: 14.905, longitude: -92.259 }, source: "https://example.org/bd-tapachula" }) { id } }`,
      undefined,
      st,
    );
    expect(await first()).toMatchObject({ basis: "RESIDENT", representation: { id: created.body.data.createRepresentation.id } });
  });

  it("runs a bounded number of SQL statements that does not grow with the number of results", async () => {
    const count = async (first: number) => {
      stack.resetStatements();
      await nearest({ n: ["BD", "NP", "IN", "HT", "CU", "CN", "US", "FR", "DE", "JP"], near: { place: "Tapachula" }, first });
      return stack.statements();
    };
    const two = await count(2);
    expect(await count(20)).toBe(two);
    // nationalities, ranking, offices, countries of the results (DataLoader batches)
    expect(two).toBeLessThanOrEqual(5);
  });
});
