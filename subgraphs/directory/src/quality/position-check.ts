import { countryAt, hasBoundary, kmOutside } from "../geo/boundaries";
import { CoordinatePrecision } from "../entities/enums";
import { findCity, geonamesUrl, type CityPlace } from "../geo/city-lookup";

/**
 * How far outside its host's boundary an office may sit and still count as inside: the
 * 1:10m coastlines cut off piers, reclaimed land and border towns by a few km.
 */
export const POSITION_MARGIN_KM = 15;

/**
 * Territories that ISO 3166-1 codes apart but that are part of, or administered by, a
 * host (ISO 3166-1 entries marked "not independent"): an office in Guam is in the US.
 */
const TERRITORIES: Record<string, string[]> = {
  US: ["PR", "GU", "VI", "AS", "MP", "UM"],
  FR: ["GF", "GP", "MQ", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF"],
  NL: ["AW", "CW", "SX", "BQ"],
  GB: ["AI", "BM", "VG", "KY", "FK", "GI", "MS", "PN", "SH", "TC", "GG", "JE", "IM", "IO"],
  DK: ["GL", "FO"],
  NZ: ["CK", "NU", "TK"],
  AU: ["CX", "CC", "NF"],
  CN: ["HK", "MO"],
  NO: ["SJ"],
  FI: ["AX"],
};

/** What the check needs of an office: its host, its city as the source names it, and its coordinates. */
export interface OfficeWhere {
  hostCountryCode: string;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface PositionVerdict {
  latitude: number | null;
  longitude: number | null;
  precision: CoordinatePrecision | null;
  /** The GeoNames page of the city when the position is the city's (cite it in provenance). */
  source: string | null;
  /** The GeoNames place used, when the position is the city's. */
  city: CityPlace | null;
  /** How far the given coordinates lie outside the host (0 inside); null without coordinates or boundary. */
  kmOutside: number | null;
  /** Set when the given coordinates were not kept: why, and what was used instead. */
  warning: string | null;
}

/** Distance from the host's land (its territories included); 0 inside. Null when the boundaries do not know the host. */
export function kmOutsideHost(host: string, latitude: number, longitude: number): number | null {
  const lands = [host, ...(TERRITORIES[host] ?? [])].filter(hasBoundary);
  if (!lands.length) return null;
  const at = countryAt(latitude, longitude);
  if (at && lands.includes(at)) return 0;
  return Math.min(...lands.map((land) => kmOutside(land, latitude, longitude)));
}

const round = (km: number) => Math.round(km * 10) / 10;

/**
 * Where an office is: its own coordinates when they lie in its host country (within the
 * margin), else its city's GeoNames position (precision CITY), else none. Coordinates
 * outside the host are never kept (Israel's embassy in Guatemala at Abuja): the verdict
 * says so in `warning`. Used by the seed and the import alike.
 */
export function checkPosition(office: OfficeWhere, marginKm = POSITION_MARGIN_KM): PositionVerdict {
  let outside: number | null = null;
  let rejected: string | null = null;
  if (office.latitude !== null && office.longitude !== null) {
    outside = kmOutsideHost(office.hostCountryCode, office.latitude, office.longitude);
    if (outside === null || outside <= marginKm) {
      return { latitude: office.latitude, longitude: office.longitude, precision: CoordinatePrecision.EXACT, source: null, city: null, kmOutside: outside, warning: null };
    }
    const there = countryAt(office.latitude, office.longitude);
    rejected = `coordinates ${office.latitude}, ${office.longitude} lie ${round(outside)} km outside ${office.hostCountryCode}${there ? ` (in ${there})` : ""}`;
  }
  const city = office.city ? findCity(office.city, office.hostCountryCode) : undefined;
  // The gazetteer's own position is checked too: a namesake row with a wrong country code is not trusted either.
  const cityOutside = city ? kmOutsideHost(office.hostCountryCode, city.latitude, city.longitude) : null;
  if (city && (cityOutside === null || cityOutside <= marginKm)) {
    return {
      latitude: city.latitude,
      longitude: city.longitude,
      precision: CoordinatePrecision.CITY,
      source: geonamesUrl(city.geonameId),
      city,
      kmOutside: outside,
      warning: rejected && `${rejected}; placed at ${city.name} (GeoNames ${city.geonameId}), precision CITY`,
    };
  }
  return {
    latitude: null,
    longitude: null,
    precision: null,
    source: null,
    city: null,
    kmOutside: outside,
    warning: rejected && `${rejected}; ${office.city ? `"${office.city}" is not in the gazetteer for ${office.hostCountryCode}` : "no city to fall back on"}: kept without a position`,
  };
}
