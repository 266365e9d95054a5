import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { seedDirectory, type DirectorySeedSummary } from "../../seed/src/directory";
import { createDirectoryDataSource } from "../../subgraphs/directory/src/database";
import { checkPosition, kmOutsideHost, POSITION_MARGIN_KM } from "../../subgraphs/directory/src/quality/position-check";
import { openDatabase } from "../../platform/src/database";
import { createTestDatabases, DATABASES, type TestDatabases } from "../helpers/databases";

describe("checkPosition", () => {
  it("keeps coordinates inside the host, its territories included, or within the margin of its coast", () => {
    expect(checkPosition({ hostCountryCode: "MX", city: "Tapachula", latitude: 14.9, longitude: -92.27 })).toMatchObject({ precision: "EXACT", kmOutside: 0, warning: null });
    // Japan's consulate general in Tamuning, Guam: a US territory that ISO codes GU.
    expect(checkPosition({ hostCountryCode: "US", city: "Tamuning", latitude: 13.486638888, longitude: 144.783027777 })).toMatchObject({ precision: "EXACT", kmOutside: 0 });
    // Miami Beach sits on a barrier island that the 1:10m coastline misses.
    const beach = checkPosition({ hostCountryCode: "US", city: "Miami Beach", latitude: 25.854608333, longitude: -80.136652777 });
    expect(beach.precision).toBe("EXACT");
    expect(beach.kmOutside).toBeLessThan(POSITION_MARGIN_KM);
  });

  it("moves coordinates outside the host to the city's GeoNames position, and says so", () => {
    const israelInGuatemala = checkPosition({ hostCountryCode: "GT", city: "Guatemala City", latitude: 9.05461, longitude: 7.52745 });
    expect(israelInGuatemala).toMatchObject({ precision: "CITY", source: "https://www.geonames.org/3598132", city: { name: "Guatemala City" } });
    expect(israelInGuatemala.warning).toBe("coordinates 9.05461, 7.52745 lie 10342.5 km outside GT (in NG); placed at Guatemala City (GeoNames 3598132), precision CITY");
    expect(kmOutsideHost("GT", israelInGuatemala.latitude as number, israelInGuatemala.longitude as number)).toBe(0);
  });

  it("drops coordinates outside the host when there is no city to fall back on", () => {
    const verdict = checkPosition({ hostCountryCode: "CU", city: null, latitude: 45.8272, longitude: 15.961 });
    expect(verdict).toMatchObject({ latitude: null, longitude: null, precision: null });
    expect(verdict.warning).toMatch(/lie 8416\.8 km outside CU \(in HR\); no city to fall back on: kept without a position$/);
  });

  it("finds cities by alternate name in the host country only", () => {
    expect(checkPosition({ hostCountryCode: "US", city: "New York", latitude: null, longitude: null })).toMatchObject({
      precision: "CITY",
      city: { geonameId: 5128581, name: "New York City", matchedBy: "ALTERNATE_NAME" },
    });
    expect(checkPosition({ hostCountryCode: "DO", city: "Higüey", latitude: null, longitude: null }).city).toMatchObject({ name: "Salvaleón de Higüey" });
    // Barahona exists in Spain and elsewhere; in the Dominican Republic it is Santa Cruz de Barahona.
    expect(checkPosition({ hostCountryCode: "DO", city: "barahona", latitude: null, longitude: null }).city).toMatchObject({ geonameId: 3492985, name: "Santa Cruz de Barahona" });
    expect(checkPosition({ hostCountryCode: "CA", city: "New Brunswick", latitude: null, longitude: null })).toMatchObject({ precision: null, warning: null });
  });
});

describe.each(DATABASES)("office positions in the seeded directory (%s)", (db) => {
  let databases: TestDatabases;
  let dataSource: DataSource;
  let summary: DirectorySeedSummary;
  const office = async (id: string) => (await dataSource.query(`SELECT latitude, longitude, coordinate_precision AS precision, source_urls AS sources FROM representation WHERE id = '${id}'`))[0];

  beforeAll(async () => {
    databases = await createTestDatabases(db, ["directory"]);
    dataSource = await openDatabase(createDirectoryDataSource(databases.config("directory")));
    summary = await seedDirectory(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await databases?.drop();
  });

  it("places the eight consulates in New York at New York City, citing GeoNames", async () => {
    const ids = ["br-us-cg-new-york", "ec-us-cons-new-york", "gb-us-cg-new-york", "ht-us-cg-new-york", "in-us-cg-new-york", "ng-us-cg-new-york", "np-us-cg-new-york", "pe-us-cons-new-york"];
    for (const id of ids) {
      const rep = await office(id);
      expect(rep, id).toMatchObject({ precision: "CITY" });
      expect([Number(rep.latitude), Number(rep.longitude)]).toEqual([40.71427, -74.00597]);
      expect(JSON.parse(rep.sources)).toContain("https://www.geonames.org/5128581");
    }
  });

  it("places Haiti's consulates in Barahona and Higüey", async () => {
    expect(await office("ht-do-cons-barahona")).toMatchObject({ precision: "CITY", sources: expect.stringContaining("https://www.geonames.org/3492985") });
    expect(await office("ht-do-cons-higuey")).toMatchObject({ precision: "CITY", sources: expect.stringContaining("https://www.geonames.org/3493240") });
  });

  it("never keeps Israel's embassy in Guatemala at Abuja, nor Belgium's in Havana at Zagreb; the summary warns", async () => {
    expect(await office("il-gt-emb-guatemala-city")).toMatchObject({ precision: "CITY", sources: expect.stringContaining("https://www.geonames.org/3598132") });
    expect(await office("be-cu-emb-havana")).toMatchObject({ precision: "CITY", sources: expect.stringContaining("https://www.geonames.org/3553478") });
    const warned = summary.representations.warnings.filter((w) => w.reason.includes("outside")).map((w) => w.id);
    expect(warned).toEqual(["be-cu-emb-havana", "il-gt-emb-guatemala-city"]);
    expect(summary.representations.positions).toEqual({ exact: 624, city: 224, movedToCity: 2, dropped: 0, none: 36 });
  });

  it("no office lies outside its host country", async () => {
    const rows: { id: string; host: string; latitude: number; longitude: number }[] = await dataSource.query(
      `SELECT id, host_country_code AS host, latitude, longitude FROM representation WHERE latitude IS NOT NULL`,
    );
    expect(rows.length).toBe(850);
    const outside = rows.filter((r) => (kmOutsideHost(r.host, Number(r.latitude), Number(r.longitude)) ?? 0) > POSITION_MARGIN_KM).map((r) => r.id);
    expect(outside).toEqual([]);
  });
});
