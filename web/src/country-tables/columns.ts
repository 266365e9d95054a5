import type { CountryTableRowsQuery, ProcedureCode, RepresentationKind, RepresentationStatus } from "../../../operations/generated/graphql";

/** The procedures of the catalogue, one column each, in catalogue order (lower-case codes). */
export const PROCEDURE_CODES = [
  "PASSPORT",
  "EMERGENCY_TRAVEL_DOCUMENT",
  "IDENTITY_VERIFICATION",
  "CIVIL_REGISTRY",
  "CONSULAR_REGISTRATION",
  "LEGALIZATION",
  "VISA",
  "ASSISTED_RETURN",
  "DETAINEE_ASSISTANCE",
] as const satisfies readonly ProcedureCode[];

export const KINDS = ["EMBASSY", "CONSULATE_GENERAL", "CONSULATE", "VICE_CONSULATE", "HONORARY_CONSULATE", "CONSULAR_SECTION", "OTHER"] as const satisfies readonly RepresentationKind[];
export const STATUSES = ["ACTIVE", "TEMPORARILY_CLOSED", "CLOSED"] as const satisfies readonly RepresentationStatus[];
export const ANSWERS = ["CONFIRMED", "USUAL", "NO"];

/** The lists above name every value of the API's schema: a procedure, kind or status added there and not here fails the build. */
type Unlisted = Exclude<ProcedureCode, (typeof PROCEDURE_CODES)[number]> | Exclude<RepresentationKind, (typeof KINDS)[number]> | Exclude<RepresentationStatus, (typeof STATUSES)[number]>;
const everyValueListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyValueListed;

/**
 * The table's columns, in order (issue 21): what the official reads and writes. `name` and
 * `last_verified_on` are for reading only: the directory writes them.
 */
export const VALUE_COLUMNS = ["id", "sending_country", "name", "kind", "city", "address", "phones", "emails", "website", "opening_hours", "status"] as const;
export const COLUMNS = [...VALUE_COLUMNS, ...PROCEDURE_CODES.map((c) => c.toLowerCase()), "last_verified_on", "source"];
export const READ_ONLY = new Set(["name", "last_verified_on"]);

export type Office = CountryTableRowsQuery["representations"]["nodes"][number];

/** An office as the table's cells, by column. Lists are joined with "; ". */
export function officeCells(office: Office): Record<string, string> {
  const offers = new Map(office.procedures.map((p) => [p.procedure.code as string, p.basis === "CONFIRMED" ? "CONFIRMED" : "USUAL"]));
  return {
    id: office.id,
    sending_country: office.sendingCountry.code,
    name: office.name,
    kind: office.kind,
    city: office.city ?? "",
    address: office.address ?? "",
    phones: office.phones.map((p) => p.e164 ?? p.raw).join("; "),
    emails: office.emails.join("; "),
    website: office.website ?? "",
    opening_hours: office.openingHours ?? "",
    status: office.status,
    ...Object.fromEntries(PROCEDURE_CODES.map((code) => [code.toLowerCase(), offers.get(code) ?? "NO"])),
    last_verified_on: office.provenance.lastVerifiedOn ?? "",
    source: "",
  };
}

/** A list cell: "; ", "," between e-mails, or one per line. */
export const listCell = (value: string) =>
  value
    .split(/\s*(?:;|\n|\r)\s*/)
    .map((v) => v.trim())
    .filter(Boolean);
