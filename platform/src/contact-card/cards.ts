import { uidFor, type ContactCard } from "./card";
import { toCsv, type CsvValue } from "./csv";

/** What every exchanged contact has; the personal fields are null when the reader may not see them. */
export interface ContactData {
  id: string;
  country: string;
  personName: string | null;
  position: string | null;
  institution: string;
  emails: string[] | null;
  phones: string[] | null;
  languages: string[];
  version: number;
}

/** A CRM focal point as its feed delivers it. */
export interface FocalPointData extends ContactData {
  role: string;
  termStart: string;
  termEnd: string | null;
  status: string;
}

/** A partner conference's contact as the exchange holds it. */
export interface PartnerContactData extends ContactData {
  conference: string;
  externalId: string;
  topics: string[];
  updatedAt: string;
}

type Personal = Pick<ContactData, "personName" | "position" | "emails" | "phones">;

/** A record's personal fields as a reader sees them: as they are, or all null. */
export const personalFields = (record: { personName: string; position: string | null; emails: string[]; phones: string[] }, visible: boolean): Personal =>
  visible ? { personName: record.personName, position: record.position, emails: record.emails, phones: record.phones } : { personName: null, position: null, emails: null, phones: null };

const contactCard = (c: ContactData, uid: string, categories: string[]): ContactCard => ({
  uid,
  fullName: c.personName,
  position: c.position,
  institution: c.institution,
  emails: c.emails ?? [],
  phones: c.phones ?? [],
  languages: c.languages,
  country: c.country,
  categories,
});

export const focalPointCard = (fp: FocalPointData): ContactCard => ({
  ...contactCard(fp, uidFor(fp.id), [fp.role]),
  extra: { "X-ENLACE-ID": fp.id, "X-ENLACE-TERM": `${fp.termStart}/${fp.termEnd ?? ""}` },
});

export const partnerContactCard = (c: PartnerContactData): ContactCard => ({
  ...contactCard(c, c.externalId, c.topics),
  revision: c.updatedAt,
  extra: { "X-ENLACE-ID": c.id, "X-ENLACE-CONFERENCE": c.conference },
});

const FOCAL_POINT_CSV_HEADER = ["id", "country", "role", "person_name", "position", "institution", "emails", "phones", "languages", "term_start", "term_end", "status", "version"];

export function focalPointsCsv(rows: FocalPointData[]): string {
  return toCsv(
    FOCAL_POINT_CSV_HEADER,
    rows.map((f): CsvValue[] => [f.id, f.country, f.role, f.personName, f.position, f.institution, f.emails ?? [], f.phones ?? [], f.languages, f.termStart, f.termEnd, f.status, f.version]),
  );
}

/** The columns a partner's CSV file uses, to export and to push (`external_id` … `languages` are read back). */
const PARTNER_CONTACT_CSV_HEADER = ["external_id", "country", "topics", "person_name", "position", "institution", "emails", "phones", "languages", "id", "version", "updated_at"];

export function partnerContactsCsv(rows: PartnerContactData[]): string {
  return toCsv(
    PARTNER_CONTACT_CSV_HEADER,
    rows.map((c): CsvValue[] => [c.externalId, c.country, c.topics, c.personName, c.position, c.institution, c.emails ?? [], c.phones ?? [], c.languages, c.id, c.version, c.updatedAt]),
  );
}
