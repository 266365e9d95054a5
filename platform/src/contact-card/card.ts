/**
 * A contact as the exchange formats carry it, whichever side it comes from (a CRM focal
 * point or a partner's contact). Personal fields are null when the reader may not see them.
 */
export interface ContactCard {
  /** A stable URI or text id: `urn:uuid:…` for CRM records, the partner's own id for its contacts. */
  uid: string;
  fullName: string | null;
  position: string | null;
  institution: string;
  emails: string[];
  phones: string[];
  /** BCP 47, in order of preference. */
  languages: string[];
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** A focal point's role, or a partner contact's topics. */
  categories: string[];
  /** Last change, ISO 8601. */
  revision?: string | null;
  /** Extra machine-readable properties, e.g. { "X-ENLACE-ID": "…" }. */
  extra?: Record<string, string>;
}

/** Enlace ids that are UUIDs become `urn:uuid:` URIs (RFC 6350 UID); seed ids stay as they are. */
export const uidFor = (id: string): string => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? `urn:uuid:${id}` : id);
