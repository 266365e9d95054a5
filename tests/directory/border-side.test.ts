import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../helpers/stack";

type Row = { id: string; name: string; country_iso2: string; latitude: string; longitude: string };
const BORDER = parse(readFileSync(join(__dirname, "../../subgraphs/directory/data/border-places.csv"), "utf8"), { columns: true }) as Row[];
// The place test table too (tests/fixtures/place-table.csv): towns, capitals and posts, each place once.
const TABLE = (
  parse(readFileSync(join(__dirname, "../fixtures/place-table.csv"), "utf8"), { columns: true }) as { expected_name: string; expected_country_iso2: string; latitude: string; longitude: string }[]
)
  .map((r) => ({ id: `${r.expected_name} (${r.expected_country_iso2})`, name: r.expected_name, country_iso2: r.expected_country_iso2, latitude: r.latitude, longitude: r.longitude }))
  .filter((r) => r.latitude && r.country_iso2);
const PLACES: Row[] = [...new Map([...BORDER, ...TABLE].map((r) => [`${r.latitude},${r.longitude},${r.country_iso2}`, r])).values()];
const NEAREST = `query ($lat: Float!, $lon: Float!) {
  nearestRepresentations(nationalities: ["IN"], near: { latitude: $lat, longitude: $lon }, first: 1) {
    place { name country { code } alternatives { name country { code } } }
  }
}`;

/**
 * Issue 20, point 2: "use my location" at the project's border posts and reception points
 * (subgraphs/directory/data/border-places.csv), by their own coordinates: with an official's key, the
 * official's own country every time; anonymously, the right country or it offered as the
 * other side, every time. Before: 18 of them put in the neighbouring country.
 */
describe("the right side of the line", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack("sqlite");
  });
  afterAll(() => stack?.stop());

  it(`each of the ${PLACES.length} border places and places of the test table, with the key of an official of its country, is in that country`, async () => {
    const countries = [...new Set(PLACES.map((p) => p.country_iso2))];
    const keys = await stack.callers(Object.fromEntries(countries.map((c) => [c, { role: "OFFICIAL", country: c, label: `official ${c}` }])));
    const wrong: string[] = [];
    for (const p of PLACES) {
      const { body } = await stack.query(NEAREST, { lat: Number(p.latitude), lon: Number(p.longitude) }, keys[p.country_iso2]);
      const got = body.data?.nearestRepresentations.place.country.code;
      if (got !== p.country_iso2) wrong.push(`${p.id}: ${got}`);
    }
    expect(wrong).toEqual([]);
  });

  it(`each of them anonymously is in its country, or its country is offered as the other side`, async () => {
    const wrong: string[] = [];
    let offered = 0;
    for (const p of PLACES) {
      const { body } = await stack.query(NEAREST, { lat: Number(p.latitude), lon: Number(p.longitude) });
      const place = body.data?.nearestRepresentations.place;
      if (place?.country.code === p.country_iso2) continue;
      if (place?.alternatives.some((a: { country: { code: string } }) => a.country.code === p.country_iso2)) offered++;
      else wrong.push(`${p.id}: ${place?.country.code}`);
    }
    expect(wrong).toEqual([]);
    console.log(`border places anonymously: ${PLACES.length - offered} in their country, ${offered} offered as the other side`);
  });
});
