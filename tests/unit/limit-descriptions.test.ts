import { readFileSync } from "node:fs";
import { buildSchema, isInputObjectType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { API_SCHEMA_PATH } from "../../platform/src/paths";
import { SEARCH_TEXT_DESCRIPTION } from "../../platform/src/text";

const api = buildSchema(readFileSync(API_SCHEMA_PATH, "utf8"));
const types = Object.values(api.getTypeMap()).filter((t) => !t.name.startsWith("__"));

describe("the limits are in the schema's descriptions", () => {
  it("every first and offset argument states its range", () => {
    const missing: string[] = [];
    for (const type of types.filter(isObjectType)) {
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args.filter((a) => a.name === "first" || a.name === "offset")) {
          if (!/\d+ to \d+|0 or more/.test(arg.description ?? "")) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("every free-text filter states its length and word limits", () => {
    const texts = types.filter(isInputObjectType).flatMap((t) =>
      Object.values(t.getFields())
        .filter((f) => f.name === "text")
        .map((f) => [t.name, f.description] as const),
    );
    expect(texts.map(([name]) => name).sort()).toEqual(["CountryFilter", "FocalPointFilter", "RepresentationFilter"]);
    for (const [, description] of texts) expect(description).toContain(SEARCH_TEXT_DESCRIPTION);
  });

  it("the nearest search states how many nationalities and which distances", () => {
    const args = Object.fromEntries(
      api
        .getQueryType()!
        .getFields()
        .nearestRepresentations.args.map((a) => [a.name, a.description]),
    );
    expect(args.nationalities).toMatch(/^1 to 10 /);
    expect(args.maxDistanceKm).toBe("Kilometres, more than 0; no limit when left out.");
  });
});
