import { readFileSync } from "node:fs";
import { buildSchema, type GraphQLObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { API_SCHEMA_PATH } from "../../platform/src/paths";
import { SUBGRAPHS } from "../../subgraphs";

const argsOf = (type: GraphQLObjectType | null | undefined, field: string) => type?.getFields()[field]?.args.map((a) => a.name);

describe("arguments in the order the code declares them", () => {
  it("the subgraphs emit them in declaration order", async () => {
    const directory = await (await SUBGRAPHS.find((m) => m.name === "directory")!.load()).buildSchema();
    expect(argsOf(directory.getMutationType(), "updateRepresentation")).toEqual(["id", "version", "changes"]);
    expect(argsOf(directory.getMutationType(), "changeRepresentationStatus")).toEqual(["id", "version", "status", "since"]);
    expect(argsOf(directory.getQueryType(), "representations")).toEqual(["filter", "first", "after"]);
    const roster = await (await SUBGRAPHS.find((m) => m.name === "roster")!.load()).buildSchema();
    expect(argsOf(roster.getMutationType(), "replaceFocalPoint")).toEqual(["id", "version", "effectiveOn", "successor"]);
  });

  it("the API schema clients and the playground see has them in that order", () => {
    const api = buildSchema(readFileSync(API_SCHEMA_PATH, "utf8"));
    expect(argsOf(api.getMutationType(), "updateRepresentation")).toEqual(["id", "version", "changes"]);
    expect(argsOf(api.getQueryType(), "nearestRepresentations")).toEqual(["nationalities", "near", "procedure", "kinds", "first", "maxDistanceKm"]);
  });
});
