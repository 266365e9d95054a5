import type { Lang } from "../../../../platform/src/lang";
import { placeKey } from "./place-key";
import { readDirectoryCsv } from "../reference-data";

/** A first-level division (state, province, department, district) of a CRM member state. */
export interface Division {
  country: string;
  /** GeoNames' admin1 code, as cities500 gives it ("05" for Chiapas, "TX"). */
  admin1: string;
  /** ISO 3166-2, e.g. "MX-CHP". */
  iso: string;
  names: Record<Lang, string> & { geonames: string };
  /** Usual abbreviations, with a source (seed/data/SOURCES.md): "Chis.", "TX". */
  abbreviations: string[];
}

export interface DivisionIndex {
  /** Folded name, abbreviation or ISO code → the divisions it names (one key may name several: "Colón"). */
  byKey: Map<string, Division[]>;
  /** Folded names only (no abbreviation, no code): what a query alone may name (see place-resolver.ts). */
  byName: Map<string, Division[]>;
  /** "MX 05" → Chiapas. */
  byAdmin: Map<string, Division>;
}

/** Generic words the source puts around names ("Provincia de Darién", "Rivas Department"): a name is found with or without them. */
const GENERIC =
  /^(?:provincia|departamento|distrito|estado|region|comarca|province|departement|department|district|state|etat) (?:of |de la |de |del |du |d )?| (?:province|department|district|state)$/;

let index: DivisionIndex | undefined;

interface DivisionRow {
  country: string;
  admin1: string;
  iso: string;
  name_es: string;
  name_en: string;
  name_fr: string;
  name_pt: string;
  name_geonames: string;
  abbreviations: string;
}

const divisionRef = (country: string, admin1: string) => `${country} ${admin1}`;

/** subgraphs/directory/data/divisions.csv (built by seed/src/reference/divisions.ts), indexed by folded names. */
export function divisions(): DivisionIndex {
  if (index) return index;
  const rows = readDirectoryCsv<DivisionRow>("divisions.csv");
  const byKey = new Map<string, Division[]>();
  const byName = new Map<string, Division[]>();
  const byAdmin = new Map<string, Division>();
  const add = (map: Map<string, Division[]>, key: string, division: Division) => {
    if (!key) return;
    const list = map.get(key);
    if (!list) map.set(key, [division]);
    else if (!list.includes(division)) list.push(division);
  };
  for (const row of rows) {
    const division: Division = {
      country: row.country,
      admin1: row.admin1,
      iso: row.iso,
      names: { es: row.name_es, en: row.name_en, fr: row.name_fr, pt: row.name_pt, geonames: row.name_geonames },
      abbreviations: row.abbreviations ? row.abbreviations.split(";") : [],
    };
    byAdmin.set(divisionRef(row.country, row.admin1), division);
    for (const name of Object.values(division.names)) {
      const key = placeKey(name);
      for (const k of [key, key.replace(GENERIC, "")]) {
        add(byKey, k, division);
        add(byName, k, division);
      }
    }
    for (const abbreviation of division.abbreviations) add(byKey, placeKey(abbreviation), division);
    add(byKey, placeKey(row.iso), division);
  }
  index = { byKey, byName, byAdmin };
  return index;
}

/** The divisions a text names (by name, with or without "Provincia de", "Department"…, usual abbreviation or ISO 3166-2 code); empty if none. */
export function divisionsFromText(text: string): Division[] {
  const key = placeKey(text);
  const { byKey } = divisions();
  return byKey.get(key) ?? byKey.get(key.replace(GENERIC, "")) ?? [];
}

/** The division a place is in, from its country and GeoNames admin1 code. */
export const divisionOf = (place: { country: string; admin1?: string }): Division | undefined => (place.admin1 ? divisions().byAdmin.get(divisionRef(place.country, place.admin1)) : undefined);
