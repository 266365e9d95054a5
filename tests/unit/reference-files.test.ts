import { describe, expect, it } from "vitest";
import { referenceFile } from "../../platform/src/paths";
import { directoryDataFile } from "../../subgraphs/directory/src/reference-data";

/** Issue 22, point 4: the directory's reference data is found through the platform's paths, and a missing file says which. */
describe("reference files", () => {
  it("finds the directory's reference data under subgraphs/directory/data", () => {
    expect(directoryDataFile("border-places.csv")).toMatch(/subgraphs[\\/]directory[\\/]data[\\/]border-places\.csv$/);
  });
  it("stops with the name of a missing file instead of carrying on without it", () => {
    expect(() => directoryDataFile("no-such-places.csv")).toThrow(/missing reference file subgraphs\/directory\/data\/no-such-places\.csv/);
    expect(() => referenceFile("seed", "data", "nothing.csv")).toThrow(/seed\/data\/nothing\.csv/);
  });
});
