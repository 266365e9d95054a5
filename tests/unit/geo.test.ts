import { describe, expect, it, vi } from "vitest";
import { cityLookupHeld, findCity, releaseCityLookup } from "../../subgraphs/directory/src/geo/city-lookup";
import { countryAt, kmOutside } from "../../subgraphs/directory/src/geo/boundaries";
import { chord2ForKm, distanceKm, EARTH_RADIUS_KM } from "../../subgraphs/directory/src/geo/distance";
import { unitVector } from "../../subgraphs/directory/src/nearest/office-index";

// Positions are GeoNames' (geonameid in the comment), read from the bundled extracts.
const CANOAS_CR = { latitude: 8.53305, longitude: -82.83844 }; // 3624436, Costa Rican side of Paso Canoas
const PASO_CANOAS_ARRIBA_PA = { latitude: 8.56516, longitude: -82.82214 }; // 10347255, Panamanian side
const ABUJA = { latitude: 9.05785, longitude: 7.49508 }; // 2352778
const GUATEMALA_CITY = { latitude: 14.64072, longitude: -90.51327 }; // 3598132
const TIJUANA = { latitude: 32.5027, longitude: -117.00371 }; // 3981609
const PRISTINA = { latitude: 42.67272, longitude: 21.16688 }; // 786714

describe("geo/distance", () => {
  it("measures on the mean Earth radius", () => {
    expect(EARTH_RADIUS_KM).toBe(6371.0088);
    // a degree of meridian and half the equator on the mean sphere
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(111.195, 3);
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(Math.PI * 6371.0088, 6);
    expect(distanceKm(GUATEMALA_CITY, GUATEMALA_CITY)).toBe(0);
  });

  it("gives a limit as a chord that agrees with the distance it reports (one radius for both)", () => {
    const d = distanceKm(GUATEMALA_CITY, TIJUANA);
    const [x1, y1, z1] = unitVector(GUATEMALA_CITY.latitude, GUATEMALA_CITY.longitude);
    const [x2, y2, z2] = unitVector(TIJUANA.latitude, TIJUANA.longitude);
    const chord2 = (x1 - x2) ** 2 + (y1 - y2) ** 2 + (z1 - z2) ** 2;
    expect(chord2).toBeLessThanOrEqual(chord2ForKm(d + 0.01));
    expect(chord2).toBeGreaterThan(chord2ForKm(d - 0.01));
  });
});

describe("geo/boundaries", () => {
  it("tells the two sides of Paso Canoas apart (Costa Rica–Panama line)", () => {
    expect(countryAt(CANOAS_CR.latitude, CANOAS_CR.longitude)).toBe("CR");
    expect(countryAt(PASO_CANOAS_ARRIBA_PA.latitude, PASO_CANOAS_ARRIBA_PA.longitude)).toBe("PA");
    expect(kmOutside("CR", CANOAS_CR.latitude, CANOAS_CR.longitude)).toBe(0);
    // the Panamanian side is a few km from Costa Rica, the Costa Rican side just across from Panama
    expect(kmOutside("CR", PASO_CANOAS_ARRIBA_PA.latitude, PASO_CANOAS_ARRIBA_PA.longitude)).toBeLessThan(5);
    expect(kmOutside("PA", CANOAS_CR.latitude, CANOAS_CR.longitude)).toBeLessThan(2);
  });

  it("puts a point at sea in no country, a few km off the coast it faces", () => {
    // Gulf of Panama, south of Panama City
    expect(countryAt(8.8, -79.45)).toBeUndefined();
    const km = kmOutside("PA", 8.8, -79.45);
    expect(km).toBeGreaterThan(5);
    expect(km).toBeLessThan(20);
    expect(countryAt(0, -30)).toBeUndefined(); // mid-Atlantic
  });

  it("finds an office placed at Abuja far outside Guatemala", () => {
    expect(countryAt(ABUJA.latitude, ABUJA.longitude)).toBe("NG");
    expect(kmOutside("NG", ABUJA.latitude, ABUJA.longitude)).toBe(0);
    const km = kmOutside("GT", ABUJA.latitude, ABUJA.longitude);
    // the great-circle distance to Guatemala City is ~10,600 km; the boundary is a little nearer
    expect(km).toBeGreaterThan(9_500);
    expect(km).toBeLessThan(distanceKm(ABUJA, GUATEMALA_CITY));
  });

  it("maps Natural Earth's numeric ids to alpha-2 and names the features it leaves without one", () => {
    expect(countryAt(GUATEMALA_CITY.latitude, GUATEMALA_CITY.longitude)).toBe("GT");
    expect(countryAt(TIJUANA.latitude, TIJUANA.longitude)).toBe("MX");
    expect(countryAt(TIJUANA.latitude + 0.05, TIJUANA.longitude - 0.03)).toBe("US"); // San Ysidro, across the line
    expect(countryAt(PRISTINA.latitude, PRISTINA.longitude)).toBe("XK");
    expect(countryAt(18.5, -72.3)).toBe("HT"); // Port-au-Prince area
    expect(countryAt(18.5, -69.9)).toBe("DO"); // Santo Domingo area
    expect(kmOutside("ZZ", 0, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("geo/city-lookup", () => {
  it("finds an office's city by an alternate name, and lets the file go a minute after the last lookup", () => {
    vi.useFakeTimers();
    try {
      expect(findCity("Barahona", "DO")).toMatchObject({ name: "Santa Cruz de Barahona", matchedBy: "ALTERNATE_NAME" });
      expect(cityLookupHeld()).toBe(true);
      vi.advanceTimersByTime(59_000);
      expect(findCity("Dajabón", "DO")?.country).toBe("DO"); // a lookup keeps it a minute more
      vi.advanceTimersByTime(59_000);
      expect(cityLookupHeld()).toBe(true);
      vi.advanceTimersByTime(2_000);
      expect(cityLookupHeld()).toBe(false);
      expect(findCity("Barahona", "DO")?.name).toBe("Santa Cruz de Barahona"); // read again when asked
      expect(findCity("Atlantis", "DO")).toBeUndefined();
      releaseCityLookup(); // a writer that is done (the seed) lets it go at once
      expect(cityLookupHeld()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
