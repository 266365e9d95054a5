import type { DataSource } from "typeorm";
import { Membership, RepresentationKind } from "../entities";
import { OfficeIndex } from "../nearest/office-index";
import { rankNearest } from "../nearest/nearest.service";
import { CoverageBasis } from "../nearest/nearest.types";

import { readDirectoryCsv as read } from "../reference-data";

/** A place officials ask from: a border post, a reception point or a CRM capital. */
export interface PlanPlace {
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  kind: "BORDER_POST" | "RECEPTION_POINT" | "CAPITAL";
}

/** The project's place table: subgraphs/directory/data/border-places.csv and subgraphs/directory/data/crm-capitals.csv. */
export function planPlaces(): PlanPlace[] {
  return [
    ...read("border-places.csv").map((r) => ({ name: r.name, country: r.country_iso2, latitude: Number(r.latitude), longitude: Number(r.longitude), kind: r.kind as PlanPlace["kind"] })),
    ...read("crm-capitals.csv").map((r) => ({ name: r.name, country: r.country_iso2, latitude: Number(r.latitude), longitude: Number(r.longitude), kind: "CAPITAL" as const })),
  ];
}

/** subgraphs/directory/data/priority-nationalities.csv: the nationalities the CRM meets most. */
export function priorityNationalities(): string[] {
  return read("priority-nationalities.csv").map((r) => r.country_iso2);
}

export interface VerificationItem {
  id: string;
  sender: string;
  host: string;
  kind: string;
  city: string | null;
  /** Lookups (place × priority nationality) where this office is the first that can act. */
  firstAnswerIn: number;
  phones: number;
  emails: number;
  website: boolean;
  /** The newest date a source of its contacts gives (null: undated or no contact). */
  contactsDated: string | null;
  lastVerifiedOn: string | null;
}

export interface UncoveredPair {
  nationality: string;
  country: string;
  /** What an official in that country does: the nearest office of the nationality, with why it is no answer by right. */
  nearest: { id: string; host: string; kind: string; city: string | null; distanceKm: number | null } | null;
  advice: string;
}

export interface VerificationPlan {
  places: number;
  nationalities: string[];
  lookups: number;
  /** Lookups whose first answer is an office that can act (resident or concurrently accredited). */
  answered: number;
  answeredWithPhone: number;
  answeredWithPhoneOrEmail: number;
  /** Offices to verify first: most often the first answer, then oldest contacts. */
  ranked: VerificationItem[];
  uncovered: UncoveredPair[];
}

interface OfficeRow {
  id: string;
  sender: string;
  host: string;
  kind: string;
  city: string | null;
  phones: string;
  emails: string;
  website: string | null;
  verified: string | null;
}

const count = (json: string) => (JSON.parse(json) as unknown[]).length;

/**
 * The secretariat's verification order: runs the nearest search for every place of the
 * project's place table × every priority nationality (the same ranking as the API),
 * counts how often each office is the first that can act, and ranks offices by that count,
 * then by the age of their contacts (oldest first). Pairs of a priority nationality and a
 * CRM member state with no office covering them come with the nearest office and its basis.
 */
export async function verificationPlan(dataSource: DataSource): Promise<VerificationPlan> {
  const index = new OfficeIndex(dataSource);
  const snapshot = await index.current();
  const nationalities = priorityNationalities();
  const places = planPlaces();
  const rows: OfficeRow[] = await dataSource.query(
    `SELECT id, sending_country_code AS sender, host_country_code AS host, kind, city, phones, emails, website, last_verified_on AS verified FROM representation`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const dated = new Map<string, string>();
  for (const s of (await dataSource.query(`SELECT representation_id AS id, published FROM field_source WHERE field IN ('PHONE', 'EMAIL', 'ADDRESS', 'WEBSITE') AND published IS NOT NULL`)) as {
    id: string;
    published: string;
  }[]) {
    if (!dated.has(s.id) || (dated.get(s.id) as string) < s.published) dated.set(s.id, s.published);
  }
  const members = ((await dataSource.query(`SELECT code FROM country WHERE crm_membership = '${Membership.MEMBER}' ORDER BY code`)) as { code: string }[]).map((c) => c.code);

  const firsts = new Map<string, number>();
  let answered = 0;
  let withPhone = 0;
  let withPhoneOrEmail = 0;
  for (const place of places) {
    const ranked = await rankNearest(snapshot, { nationalities, placeCountry: place.country, latitude: place.latitude, longitude: place.longitude, first: 1 });
    for (const nationality of nationalities) {
      const first = ranked.get(nationality)?.[0];
      if (!first || first.basis === CoverageBasis.NONE) continue;
      answered++;
      firsts.set(first.id, (firsts.get(first.id) ?? 0) + 1);
      const office = byId.get(first.id);
      if (office && count(office.phones) > 0) withPhone++;
      if (office && (count(office.phones) > 0 || count(office.emails) > 0)) withPhoneOrEmail++;
    }
  }

  const ranked: VerificationItem[] = [...firsts]
    .map(([id, n]) => {
      const o = byId.get(id) as OfficeRow;
      return {
        id,
        sender: o.sender,
        host: o.host,
        kind: o.kind,
        city: o.city,
        firstAnswerIn: n,
        phones: count(o.phones),
        emails: count(o.emails),
        website: !!o.website,
        contactsDated: dated.get(id) ?? null,
        lastVerifiedOn: o.verified,
      };
    })
    .sort((a, b) => b.firstAnswerIn - a.firstAnswerIn || (a.contactsDated ?? "").localeCompare(b.contactsDated ?? "") || a.id.localeCompare(b.id));

  // Where each member state is asked from: its capital in the place table.
  const capital = new Map(places.filter((p) => p.kind === "CAPITAL").map((p) => [p.country, p]));
  const uncovered: UncoveredPair[] = [];
  for (const country of members) {
    const at = capital.get(country);
    for (const nationality of nationalities) {
      const offices = snapshot.officesOf([nationality])[0];
      if (offices.some((o) => o.coverage.has(country))) continue;
      const nearest = at
        ? (await rankNearest(snapshot, { nationalities: [nationality], placeCountry: country, latitude: at.latitude, longitude: at.longitude, first: 1 })).get(nationality)?.[0]
        : undefined;
      const office = nearest ? byId.get(nearest.id) : undefined;
      uncovered.push({
        nationality,
        country,
        nearest: office && nearest ? { id: office.id, host: office.host, kind: office.kind, city: office.city, distanceKm: nearest.distanceKm === null ? null : Math.round(nearest.distanceKm) } : null,
        advice: office
          ? `no ${nationality} office is resident in or accredited to ${country}: call the nearest, ${office.id}${nearest?.distanceKm == null ? "" : ` (${Math.round(nearest.distanceKm)} km from ${at?.name})`}, basis NONE — it can advise but may not act in ${country}; ask ${nationality}'s foreign ministry which mission is accredited to ${country}${office.kind === RepresentationKind.HONORARY_CONSULATE ? " (it is an honorary consulate)" : ""}`
          : `no active ${nationality} office anywhere in the directory: ask the CRM Technical Secretariat or ${nationality}'s foreign ministry`,
      });
    }
  }
  return { places: places.length, nationalities, lookups: places.length * nationalities.length, answered, answeredWithPhone: withPhone, answeredWithPhoneOrEmail: withPhoneOrEmail, ranked, uncovered };
}
