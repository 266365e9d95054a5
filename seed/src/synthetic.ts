import type { DataSource, EntityManager } from "typeorm";
import { allCountryNames } from "./country-names";
import { representationSearchFields } from "../../subgraphs/directory/src/search/search-document";
import type { RepresentationKind } from "../../subgraphs/directory/src/entities";

/** A small deterministic PRNG (mulberry32): the same seed gives the same data set. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ["EMBASSY", "EMBASSY", "CONSULATE_GENERAL", "CONSULATE", "HONORARY_CONSULATE"];
const TYPICAL: Record<string, string[]> = {
  EMBASSY: ["PASSPORT", "EMERGENCY_TRAVEL_DOCUMENT", "IDENTITY_VERIFICATION"],
  CONSULATE_GENERAL: ["PASSPORT", "EMERGENCY_TRAVEL_DOCUMENT", "IDENTITY_VERIFICATION"],
  CONSULATE: ["PASSPORT", "EMERGENCY_TRAVEL_DOCUMENT", "IDENTITY_VERIFICATION"],
  HONORARY_CONSULATE: ["DETAINEE_ASSISTANCE"],
};

/**
 * Adds `count` synthetic offices (ids `syn-…`) to a seeded directory, for benchmarks: every
 * ISO country sends offices to random hosts, at random positions, each with its host as
 * RESIDENT, 0–3 concurrent accreditations and three typical offers. Raw batched SQL: an
 * ORM insert of a million rows would take minutes.
 */
export async function addSyntheticRepresentations(dataSource: DataSource, count: number, seed = 42): Promise<void> {
  const random = prng(seed);
  const countries = new Map(allCountryNames().map((c) => [c.code, { code: c.code, alpha3: c.alpha3, nameEs: c.es, nameEn: c.en, nameFr: c.fr, namePt: c.pt }]));
  const codes = [...countries.keys()];
  const names = (code: string) => countries.get(code) ?? { code, alpha3: code, nameEs: code, nameEn: code, nameFr: code, namePt: code };
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const pg = dataSource.options.type === "postgres";
  const insert = async (m: EntityManager, table: string, columns: string[], rows: unknown[][]) => {
    const chunk = Math.floor(900 / columns.length);
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      let n = 0;
      const values = part.map((row) => `(${row.map(() => (pg ? `$${++n}` : "?")).join(", ")})`).join(", ");
      await m.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values}`, part.flat());
    }
  };
  await dataSource.transaction(async (m) => {
    const reps: unknown[][] = [];
    const jurisdictions: unknown[][] = [];
    const offers: unknown[][] = [];
    for (let i = 0; i < count; i++) {
      const id = `syn-${i}`;
      const sender = codes[i % codes.length];
      let host = pick(codes);
      if (host === sender) host = codes[(codes.indexOf(host) + 1) % codes.length];
      const kind = pick(KINDS);
      // Searchable like a real office (names, kind, countries in four languages); the city is made up, so it has no other names.
      const search = representationSearchFields({ kind: kind as RepresentationKind, city: null, address: null, hostCountryCode: host }, names(sender), names(host));
      reps.push([id, kind, sender, host, `City ${i}`, random() * 140 - 60, random() * 360 - 180, "EXACT", "[]", "[]", "[]", "ACTIVE", "[]", `city ${i} ${search.searchText}`, search.searchNames, 1]);
      jurisdictions.push([id, host, "RESIDENT"]);
      for (const extra of new Set(Array.from({ length: Math.floor(random() * 4) }, () => pick(codes)))) {
        if (extra !== host && extra !== sender) jurisdictions.push([id, extra, "CONCURRENT_ACCREDITATION"]);
      }
      for (const procedure of TYPICAL[kind]) offers.push([id, procedure, "TYPICAL_FOR_KIND"]);
    }
    await insert(
      m,
      "representation",
      [
        "id",
        "kind",
        "sending_country_code",
        "host_country_code",
        "city",
        "latitude",
        "longitude",
        "coordinate_precision",
        "phones",
        "emails",
        "languages",
        "status",
        "source_urls",
        "search_text",
        "search_names",
        "version",
      ],
      reps,
    );
    await insert(m, "representation_jurisdiction", ["representation_id", "country_code", "basis"], jurisdictions);
    await insert(m, "procedure_offer", ["representation_id", "procedure_code", "basis"], offers);
  });
}
