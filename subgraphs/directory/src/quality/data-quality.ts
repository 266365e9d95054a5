import type { DataSource } from "typeorm";
import { foldText } from "../../../../platform/src/text";
import { Membership, ProcedureCode, RepresentationKind, RepresentationStatus } from "../entities";
import { StalenessLevel, stalenessOf } from "../staleness";
import type { DataQuality, QualityOffice, QualitySection } from "./data-quality.types";
import { kmOutsideHost, POSITION_MARGIN_KM } from "./position-check";
import { doubtfulRows, extraRegionalNationalities } from "./quality-lists";

interface OfficeRow {
  id: string;
  sender: string;
  host: string;
  kind: string;
  city: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  phones: string;
  emails: string;
  website: string | null;
  status: string;
  verified: string | null;
}

const section = (offices: QualityOffice[]): QualitySection => ({ count: offices.length, offices });
const filled = (json: string) => (JSON.parse(json) as unknown[]).length > 0;

/**
 * The secretariat's work list, from four reads of the directory's tables (whatever the
 * size). Closed offices are left out: nobody is sent there.
 */
export async function dataQualityReport(dataSource: DataSource, today = new Date()): Promise<DataQuality> {
  const all: OfficeRow[] = await dataSource.query(
    `SELECT id, sending_country_code AS sender, host_country_code AS host, kind, city, address, latitude, longitude, phones, emails, website, status, last_verified_on AS verified FROM representation ORDER BY id`,
  );
  const offers: { id: string; code: string }[] = await dataSource.query(`SELECT representation_id AS id, procedure_code AS code FROM procedure_offer`);
  const jurisdictions: { id: string; country: string }[] = await dataSource.query(`SELECT representation_id AS id, country_code AS country FROM representation_jurisdiction`);
  const members = new Set(((await dataSource.query(`SELECT code FROM country WHERE crm_membership = '${Membership.MEMBER}'`)) as { code: string }[]).map((c) => c.code));

  const open = all.filter((o) => o.status !== RepresentationStatus.CLOSED);
  const item = (o: OfficeRow, detail: string | null = null): QualityOffice => ({ id: o.id, sender: o.sender, host: o.host, kind: o.kind, city: o.city, detail });
  const offersOf = new Map<string, { code: string }[]>();
  for (const offer of offers) offersOf.set(offer.id, [...(offersOf.get(offer.id) ?? []), offer]);

  const outside = open.flatMap((o) => {
    if (o.latitude === null || o.longitude === null) return [];
    const km = kmOutsideHost(o.host, Number(o.latitude), Number(o.longitude));
    return km !== null && km > POSITION_MARGIN_KM ? [item(o, `${Math.round(km * 10) / 10} km outside ${o.host}`)] : [];
  });

  const byKey = new Map<string, string[]>();
  for (const o of open.filter((x) => x.city)) {
    const key = [o.sender, o.host, o.kind, foldText(o.city as string)].join("/");
    byKey.set(key, [...(byKey.get(key) ?? []), o.id]);
  }

  const detaineeOnly = (o: OfficeRow) => {
    const list = offersOf.get(o.id) ?? [];
    return list.length > 0 && list.every((x) => x.code === ProcedureCode.DETAINEE_ASSISTANCE);
  };
  const stale = open.flatMap((o) => {
    const s = stalenessOf(o.verified, today);
    return s.level === StalenessLevel.STALE || s.level === StalenessLevel.UNKNOWN ? [item(o, o.verified ? `last verified ${o.verified} (${s.daysSinceVerified} days)` : "never verified")] : [];
  });

  // "In the region": an active office in a CRM member state or accredited to one.
  const inRegion = new Set<string>();
  const activeBySender = new Map<string, number>();
  const senderOf = new Map(all.filter((o) => o.status === RepresentationStatus.ACTIVE).map((o) => [o.id, o.sender]));
  for (const j of jurisdictions) {
    const sender = senderOf.get(j.id);
    if (sender && members.has(j.country)) inRegion.add(sender);
  }
  for (const sender of senderOf.values()) activeBySender.set(sender, (activeBySender.get(sender) ?? 0) + 1);

  const current = new Map(all.map((o) => [o.id, o]));
  return {
    generatedOn: today.toISOString().slice(0, 10),
    offices: open.length,
    withoutPosition: section(open.filter((o) => o.latitude === null).map((o) => item(o, o.city ? `"${o.city}" not in the gazetteer` : "no city"))),
    outsideHost: section(outside),
    likelyDuplicates: [...byKey].filter(([, ids]) => ids.length > 1).map(([key, ids]) => ({ key, ids })),
    noProcedureFilterReturns: section(open.filter((o) => !(offersOf.get(o.id) ?? []).length).map((o) => item(o))),
    honoraryDetaineeOnly: section(open.filter((o) => o.kind === RepresentationKind.HONORARY_CONSULATE && detaineeOnly(o)).map((o) => item(o))),
    notVerifiedForAYear: section(stale),
    contacts: {
      offices: open.length,
      withPhone: open.filter((o) => filled(o.phones)).length,
      withEmail: open.filter((o) => filled(o.emails)).length,
      withAddress: open.filter((o) => o.address).length,
      withWebsite: open.filter((o) => o.website).length,
      withNone: section(open.filter((o) => !filled(o.phones) && !filled(o.emails) && !o.address).map((o) => item(o, o.website ? "website only" : null))),
    },
    nationalitiesWithoutOffice: extraRegionalNationalities()
      .filter((n) => !inRegion.has(n.country))
      .map((n) => ({ country: n.country, basis: n.basis, sourceUrl: n.sourceUrl, officesElsewhere: activeBySender.get(n.country) ?? 0 })),
    doubtfulRows: doubtfulRows().map((d) => ({ ...d, kind: current.get(d.representationId)?.kind ?? null, status: current.get(d.representationId)?.status ?? null })),
  };
}
