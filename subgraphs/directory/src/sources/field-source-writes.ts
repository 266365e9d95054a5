import { In, type EntityManager } from "typeorm";
import { FieldSourceRow, type Representation } from "../entities";
import { SourcedField } from "../entities/enums";
import { valuesNeedingSources, type FieldSourceValue } from "./field-sources";

/**
 * Replaces the sources of some fields of an office with new ones, inside the caller's
 * transaction: a written value takes its source with it, and the replaced value's source
 * goes with the value (it would be an orphan).
 */
export async function replaceFieldSources(m: EntityManager, representationId: string, fields: SourcedField[], sources: FieldSourceValue[]): Promise<void> {
  if (!fields.length) return;
  await m.delete(FieldSourceRow, { representationId, field: In(fields) });
  const wanted = new Set<string>(fields);
  const seen = new Set<string>();
  const rows = sources
    .filter((s) => wanted.has(s.field))
    .filter((s) => {
      const key = `${s.field}\u0000${s.value}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((s) => m.create(FieldSourceRow, { representationId, ...s }));
  if (rows.length) await m.insert(FieldSourceRow, rows);
}

/** Where a value Enlace itself vouches for comes from: a write, an accepted report, a confirmation. */
export interface OwnSource {
  url: string;
  day: string;
  /** Who and how, e.g. "Confirmed by phone by an OFFICIAL of GT on 2026-12-07"; the value follows. */
  words: string;
}

/**
 * Source rows for some of the office's current values, each once, all from one `OwnSource`
 * (the excerpt: its words, then the field and the value). A phone keeps the label it has.
 */
export function ownSourceRows(m: EntityManager, rep: Representation, values: { field: SourcedField; value: string }[], source: OwnSource): FieldSourceRow[] {
  const unique = [...new Map(values.map((v) => [`${v.field}\u0000${v.value}`, v])).values()];
  return unique.map((v) =>
    m.create(FieldSourceRow, {
      representationId: rep.id,
      field: v.field,
      value: v.value,
      label: v.field === SourcedField.PHONE ? (rep.phones.find((p) => p.raw === v.value)?.label ?? null) : null,
      url: source.url,
      published: source.day,
      seenOn: source.day,
      excerpt: `${source.words}: ${v.field.toLowerCase().replace("_", " ")} ${v.value}`,
    }),
  );
}

/** The office's fields whose values carry sources, by the audited property that holds them. */
const SOURCED_PROPERTIES: Record<string, SourcedField> = {
  address: "ADDRESS" as SourcedField,
  phones: "PHONE" as SourcedField,
  emails: "EMAIL" as SourcedField,
  website: "WEBSITE" as SourcedField,
  openingHours: "OPENING_HOURS" as SourcedField,
  status: "STATUS" as SourcedField,
};

/**
 * After a write through the API (an edit, an accepted correction): the sources of the
 * values it replaced go, and each value it wrote without a source of its own gets the
 * write itself as source — `enlace:audit/<office>/v<version>`, the day, and words naming
 * who wrote it (role and country, never a person) and the value. So no value is ever
 * shown without saying where it comes from, and the audit trail has the rest.
 */
export async function reconcileFieldSources(m: EntityManager, rep: Representation, changedProperties: string[], writer: { role: string; country?: string | null; action: string }): Promise<void> {
  const fields = changedProperties.flatMap((p) => (SOURCED_PROPERTIES[p] ? [SOURCED_PROPERTIES[p]] : []));
  if (!fields.length) return;
  const held = new Map<SourcedField, string[]>();
  for (const v of valuesNeedingSources({ ...rep, confirmedProcedures: [], caveats: rep.caveats ?? [], concurrent: [] })) held.set(v.field, [...(held.get(v.field) ?? []), v.value]);
  const existing = await m.findBy(FieldSourceRow, { representationId: rep.id, field: In(fields) });
  const stale = existing.filter((s) => !(held.get(s.field) ?? []).includes(s.value));
  for (const s of stale) await m.delete(FieldSourceRow, { representationId: s.representationId, field: s.field, value: s.value });
  const today = new Date().toISOString().slice(0, 10);
  const who = `${writer.role}${writer.country ? ` of ${writer.country}` : ""}`;
  const fresh = ownSourceRows(
    m,
    rep,
    fields.flatMap((field) => (held.get(field) ?? []).filter((value) => !existing.some((s) => s.field === field && s.value === value)).map((value) => ({ field, value }))),
    { url: `enlace:audit/${rep.id}/v${rep.version}`, day: today, words: `${writer.action} by the ${who} on ${today}` },
  );
  if (fresh.length) await m.insert(FieldSourceRow, fresh);
}

/**
 * The sources of the values a report (an accepted correction) wrote: the report itself
 * (`enlace:correction/<id>`), dated the day it was accepted, its words naming who reported
 * (role and country, never a person). Written before the write's own reconciliation, which
 * then finds them.
 */
export async function sourceFromReport(m: EntityManager, rep: Representation, changedProperties: string[], report: { url: string; day: string; words: string }): Promise<void> {
  const fields = changedProperties.flatMap((p) => (SOURCED_PROPERTIES[p] ? [SOURCED_PROPERTIES[p]] : []));
  if (!fields.length) return;
  await m.delete(FieldSourceRow, { representationId: rep.id, field: In(fields) });
  const wanted = new Set<string>(fields);
  const values = valuesNeedingSources({ ...rep, caveats: rep.caveats ?? [], confirmedProcedures: [], concurrent: [] }).filter((v) => wanted.has(v.field));
  const rows = ownSourceRows(m, rep, values, report);
  if (rows.length) await m.insert(FieldSourceRow, rows);
}
