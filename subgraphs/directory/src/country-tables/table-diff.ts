import { OfferBasis, type ProcedureCode, type Representation } from "../entities";
import { representationId } from "../representation-id";
import { COLUMN, procedureColumn, type CheckedRow, type ProcedureAnswer } from "./check-row";
import type { CountryTableDiff, TableFieldChange } from "./table.types";

/** An office's offers as the table's words: CONFIRMED, USUAL (typical for its kind) or NO. */
export type OfferAnswers = Map<ProcedureCode, ProcedureAnswer>;
export const answerOf = (basis: OfferBasis | undefined): ProcedureAnswer => (basis === OfferBasis.CONFIRMED ? "CONFIRMED" : basis === OfferBasis.TYPICAL_FOR_KIND ? "USUAL" : "NO");

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");
/** A URL as checkUrl writes it ("https://a.org" → "https://a.org/"): the same site is no change. */
const url = (value: string | null) => {
  if (!value) return value;
  try {
    return new URL(value).toString();
  } catch {
    return value;
  }
};
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * What a checked row changes in its office, field by field, as [column, old, new]. A cell
 * that says nothing changes nothing; phones compare by their E.164 numbers (a row writing
 * "+502 2333-4444" for "+50223334444" changes nothing).
 */
export function rowChanges(row: CheckedRow, office: Representation, offers: OfferAnswers): TableFieldChange[] {
  const out: TableFieldChange[] = [];
  const push = (column: string, old: unknown, value: unknown) => out.push({ field: column, old: json(old), new: json(value) });
  const c = row.changes;
  if (row.kind && row.kind !== office.kind) push(COLUMN.kind, office.kind, row.kind);
  if (c.city && c.city !== office.city) push(COLUMN.city, office.city, c.city);
  if (c.address && c.address !== office.address) push(COLUMN.address, office.address, c.address);
  if (c.phones?.length) {
    const numbers = (list: { e164: string | null; raw: string }[]) => list.map((p) => p.e164 ?? p.raw);
    if (!sameSet(numbers(office.phones), numbers(c.phones)))
      push(
        COLUMN.phones,
        office.phones.map((p) => p.raw),
        c.phones.map((p) => p.raw),
      );
  }
  if (
    c.emails?.length &&
    !sameSet(
      office.emails.map((e) => e.toLowerCase()),
      c.emails.map((e) => e.toLowerCase()),
    )
  )
    push(COLUMN.emails, office.emails, c.emails);
  if (c.website && c.website !== url(office.website)) push(COLUMN.website, office.website, c.website);
  if (c.openingHours && c.openingHours !== office.openingHours) push(COLUMN.openingHours, office.openingHours, c.openingHours);
  if (row.status && row.status !== office.status) push(COLUMN.status, office.status, row.status);
  for (const [code, answer] of row.procedures) {
    const now = offers.get(code) ?? "NO";
    if (now !== answer) push(procedureColumn(code), now, answer);
  }
  return out;
}

/**
 * The table's rows against the directory: offices it adds (each with the id it will have),
 * offices it changes with old and new values, offices it leaves as they are. Two rows about
 * one office: the second is refused.
 */
export function tableDiff(rows: CheckedRow[], offers: Map<string, OfferAnswers>, takenIds: Set<string>, host: string): CountryTableDiff {
  const diff: CountryTableDiff = { created: [], changed: [], unchanged: [], rejected: [] };
  const seen = new Map<string, number>();
  const taken = new Set(takenIds);
  for (const row of rows) {
    if (row.office) {
      const first = seen.get(row.office.id);
      if (first !== undefined) {
        diff.rejected.push({ row: row.row, column: COLUMN.id, code: "DUPLICATE_ROW", value: String(first), reason: `row ${first} is already about ${row.office.id}: one row per office`, fix: null });
        continue;
      }
      seen.set(row.office.id, row.row);
      const changes = rowChanges(row, row.office, offers.get(row.office.id) ?? new Map());
      if (changes.length) diff.changed.push({ row: row.row, id: row.office.id, changes });
      else diff.unchanged.push(row.office.id);
      continue;
    }
    const id = representationId({ sendingCountryCode: row.sendingCountry as string, hostCountryCode: host, kind: row.kind as Representation["kind"], city: row.changes.city ?? null }, (candidate) =>
      taken.has(candidate),
    );
    taken.add(id);
    diff.created.push({ row: row.row, id, sendingCountry: row.sendingCountry as string, kind: row.kind as string, city: row.changes.city as string });
  }
  return diff;
}
