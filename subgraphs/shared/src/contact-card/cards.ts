import { uidFor, type ContactCard } from "./card";
import { toCsv, type CsvValue } from "./csv";

/** A CRM focal point as its feed delivers it (personal fields null when not visible). */
export interface FocalPointData {
  id: string;
  country: string;
  role: string;
  personName: string | null;
  position: string | null;
  institution: string;
  emails: string[] | null;
  phones: string[] | null;
  languages: string[];
  termStart: string;
  termEnd: string | null;
  status: string;
  version: number;
}

/** A partner conference's contact as the exchange holds it. */
export interface PartnerContactData {
  id: string;
  conference: string;
  externalId: string;
  country: string;
  topics: string[];
  personName: string | null;
  position: string | null;
  institution: string;
  emails: string[] | null;
  phones: string[] | null;
  languages: string[];
  version: number;
  updatedAt: string;
}

export const focalPointCard = (fp: FocalPointData): ContactCard => ({
  uid: uidFor(fp.id),
  fullName: fp.personName,
  position: fp.position,
  institution: fp.institution,
  emails: fp.emails ?? [],
  phones: fp.phones ?? [],
  languages: fp.languages,
  country: fp.country,
  categories: [fp.role],
  extra: { "X-ENLACE-ID": fp.id, "X-ENLACE-TERM": `${fp.termStart}/${fp.termEnd ?? ""}` },
});

export const partnerContactCard = (c: PartnerContactData): ContactCard => ({
  uid: c.externalId,
  fullName: c.personName,
  position: c.position,
  institution: c.institution,
  emails: c.emails ?? [],
  phones: c.phones ?? [],
  languages: c.languages,
  country: c.country,
  categories: c.topics,
  revision: c.updatedAt,
  extra: { "X-ENLACE-ID": c.id, "X-ENLACE-CONFERENCE": c.conference },
});

export const FOCAL_POINT_CSV_HEADER = ["id", "country", "role", "person_name", "position", "institution", "emails", "phones", "languages", "term_start", "term_end", "status", "version"];

export function focalPointsCsv(rows: FocalPointData[]): string {
  return toCsv(
    FOCAL_POINT_CSV_HEADER,
    rows.map((f): CsvValue[] => [f.id, f.country, f.role, f.personName, f.position, f.institution, f.emails ?? [], f.phones ?? [], f.languages, f.termStart, f.termEnd, f.status, f.version]),
  );
}

/** The columns a partner's CSV file uses, to export and to push (`external_id` … `languages` are read back). */
export const PARTNER_CONTACT_CSV_HEADER = ["external_id", "country", "topics", "person_name", "position", "institution", "emails", "phones", "languages", "id", "version", "updated_at"];

export function partnerContactsCsv(rows: PartnerContactData[]): string {
  return toCsv(
    PARTNER_CONTACT_CSV_HEADER,
    rows.map((c): CsvValue[] => [c.externalId, c.country, c.topics, c.personName, c.position, c.institution, c.emails ?? [], c.phones ?? [], c.languages, c.id, c.version, c.updatedAt]),
  );
}
