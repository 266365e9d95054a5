import { GraphQLError } from "graphql";
import { In, type EntityManager } from "typeorm";
import type { Identity } from "../../../../platform/src/identity";
import { FieldSourceRow, OfferBasis, ProcedureOfferRow, type CountryTableSubmission, type Representation } from "../entities";
import { SourcedField } from "../entities/enums";
import { applyChecked } from "../edits/apply-changes";
import { insertRepresentation } from "../edits/create";
import type { CheckedChanges } from "../edits/validate-changes";
import { writeRepresentation } from "../edits/write";
import { ownSourceRows, sourceFromReport, type OwnSource } from "../sources/field-source-writes";
import { COLUMN, procedureColumn, type CheckedRow } from "./check-row";
import { compareTable } from "./compare-table";
import type { CountryTableRowInput } from "./table.types";

/** The table's columns → the office's properties and the sources that hold them. */
const VALUE_COLUMNS: { column: string; property: keyof CheckedChanges }[] = [
  { column: COLUMN.city, property: "city" },
  { column: COLUMN.address, property: "address" },
  { column: COLUMN.phones, property: "phones" },
  { column: COLUMN.emails, property: "emails" },
  { column: COLUMN.website, property: "website" },
  { column: COLUMN.openingHours, property: "openingHours" },
];

/** An applied table whose offices changed since it was sent: the secretariat rejects it and asks for a new one. */
export class StaleSubmissionError extends GraphQLError {
  constructor(id: string, moved: string[]) {
    super(`submission "${id}": ${moved.join(", ")} changed since the table was sent; nothing was applied. Reject it and ask the country for its table again`, {
      extensions: { code: "SUBMISSION_STALE", id, offices: moved },
    });
  }
}

/**
 * Writes what a row changes in its office, inside the caller's write: the values of the
 * changed columns, status, procedures; each changed value sourced by the table (its own
 * `source` cell, or the submission), dated the day the country sent it; the office verified
 * that day by the country. Returns the audit trail's changes the entity does not show.
 */
async function applyRow(m: EntityManager, rep: Representation, row: CheckedRow, columns: Set<string>, source: OwnSource & { verifiedBy: string }): Promise<Record<string, [unknown, unknown]>> {
  const values: CheckedChanges = {};
  for (const { column, property } of VALUE_COLUMNS) if (columns.has(column) && row.changes[property] !== undefined) Object.assign(values, { [property]: row.changes[property] });
  if (columns.has(COLUMN.kind) && row.kind) values.kind = row.kind;
  const related = await applyChecked(m, rep, values, "row");
  // The properties written: their values get the table as source (sourceFromReport, as an accepted correction does).
  const written: string[] = VALUE_COLUMNS.filter((c) => columns.has(c.column)).map((c) => c.property);
  if (columns.has(COLUMN.status) && row.status) {
    Object.assign(rep, { status: row.status, statusSince: source.day });
    written.push("status");
  }
  // Procedures: CONFIRMED with the table as source, USUAL as typical for the kind, NO removed.
  const codes = [...row.procedures].filter(([code]) => columns.has(procedureColumn(code)));
  if (codes.length) {
    const before = await m.findBy(ProcedureOfferRow, { representationId: rep.id, procedureCode: In(codes.map(([c]) => c)) });
    await m.delete(ProcedureOfferRow, { representationId: rep.id, procedureCode: In(codes.map(([c]) => c)) });
    const rows = codes
      .filter(([, a]) => a !== "NO")
      .map(([code, answer]) => ({
        representationId: rep.id,
        procedureCode: code,
        basis: answer === "CONFIRMED" ? OfferBasis.CONFIRMED : OfferBasis.TYPICAL_FOR_KIND,
        note: null,
        sourceUrl: answer === "CONFIRMED" ? source.url : null,
      }));
    if (rows.length) await m.insert(ProcedureOfferRow, rows);
    await m.delete(FieldSourceRow, { representationId: rep.id, field: SourcedField.PROCEDURE, value: In(codes.map(([c]) => c)) });
    const confirmed = codes.filter(([, a]) => a === "CONFIRMED").map(([code]) => ({ field: SourcedField.PROCEDURE, value: code as string }));
    if (confirmed.length) await m.insert(FieldSourceRow, ownSourceRows(m, rep, confirmed, source));
    related.procedures = [before.map((o) => `${o.procedureCode} ${o.basis}`).sort(), rows.map((o) => `${o.procedureCode} ${o.basis}`).sort()];
  }
  await sourceFromReport(m, rep, written, source);
  Object.assign(rep, { lastVerifiedOn: source.day, lastVerifiedBy: source.verifiedBy });
  return related;
}

/**
 * Applies a recorded table (SECRETARIAT), all or nothing, inside the caller's transaction:
 * the rows are checked against the directory again; an office that changed since the table
 * was sent stops everything (StaleSubmissionError). New offices are created, changed ones
 * written through writeRepresentation (versioned, audited).
 */
export async function applySubmission(m: EntityManager, identity: Identity, submission: CountryTableSubmission, countryName: string): Promise<void> {
  const now = await compareTable(m, submission.country, submission.rows as CountryTableRowInput[]);
  const moved = Object.entries(submission.officeVersions)
    .filter(([id, version]) => now.versions[id] !== version)
    .map(([id]) => id);
  if (moved.length) throw new StaleSubmissionError(submission.id, moved);
  if (now.diff.rejected.length) throw new StaleSubmissionError(submission.id, [...new Set(now.diff.rejected.map((p) => `row ${p.row} (${p.reason})`))]);
  const day = submission.submittedAt.slice(0, 10);
  const today = new Date().toISOString().slice(0, 10);
  const rowSource = (row: CheckedRow) => ({
    url: row.source ?? `enlace:country-table/${submission.id}`,
    day,
    words: `Submitted by the migration authority of ${countryName} (${submission.submittedAs}) on ${day} in its country table, applied by the secretariat on ${today}`,
    verifiedBy: `${submission.submittedAs} (table ${submission.id})`,
  });
  for (const created of now.diff.created) {
    const row = now.checked.get(created.row) as CheckedRow;
    const rep = await insertRepresentation(
      m,
      identity,
      { sender: created.sendingCountry, host: submission.country, kind: row.kind as Representation["kind"], checked: row.changes, id: created.id, verifiedBy: rowSource(row).verifiedBy },
      "row",
    );
    const columns = new Set([...VALUE_COLUMNS.map((c) => c.column), COLUMN.status, ...[...row.procedures.keys()].map(procedureColumn)]);
    await writeRepresentation(m, identity, rep.id, rep.version, "TABLE_APPLIED", (r, mm) => applyRow(mm, r, row, columns, rowSource(row)));
  }
  for (const changed of now.diff.changed) {
    const row = now.checked.get(changed.row) as CheckedRow;
    const columns = new Set(changed.changes.map((c) => c.field));
    await writeRepresentation(m, identity, changed.id, submission.officeVersions[changed.id], "TABLE_APPLIED", (r, mm) => applyRow(mm, r, row, columns, rowSource(row)));
  }
}
