import { readFileSync } from "node:fs";
import type { EntityManager } from "typeorm";
import { FieldSourceRow, OfferBasis, ProcedureOfferRow, type Procedure } from "../../../subgraphs/directory/src/entities";
import { typicalOfferRows } from "../../../subgraphs/directory/src/edits/typical-offers";
import { parseFieldSourceTable } from "../../../subgraphs/directory/src/sources/field-source-table";
import { checkOfficeSources, labelPhones, type FieldSourceValue } from "../../../subgraphs/directory/src/sources/field-sources";
import { SourcedField } from "../../../subgraphs/directory/src/entities/enums";
import type { RepresentationSeedRow, RowProblem } from "./representation-rows";

/**
 * Joins seed/data/field-sources.csv to the rows: each row gets the sources of its id,
 * after those of its own field_sources cell. Sources whose id has no row are orphans.
 */
export function attachSourceTable<R extends RepresentationSeedRow>(rows: R[], file: string | null): { rows: R[]; orphans: RowProblem[] } {
  if (!file) return { rows, orphans: [] };
  const table = parseFieldSourceTable(readFileSync(file, "utf8"));
  const ids = new Set(rows.map((r) => r.id));
  const orphans: RowProblem[] = [];
  for (const [id, sources] of table) {
    if (!ids.has(id)) for (const s of sources) orphans.push({ line: s.line, id, reason: `field-sources.csv: no office ${JSON.stringify(id)} in the rows (an orphan source)` });
  }
  return {
    rows: rows.map((row) => {
      const extra = table.get(row.id) ?? [];
      return extra.length ? { ...row, fieldSources: [...row.fieldSources, ...extra.map(({ line: _line, ...s }) => s)] } : row;
    }),
    orphans,
  };
}

/**
 * Splits rows into those whose every value has a source (and whose every source is for a
 * value they hold) and those refused, with the reasons. A refused row writes nothing:
 * a value no source states never enters the directory.
 */
type SourcedRow = Omit<RepresentationSeedRow, "id" | "sourceDate"> & { id: string | null; externalUrl?: string | null };

export function refuseUnsourced<R extends SourcedRow>(rows: R[], lineOf: (row: R) => number): { accepted: R[]; refused: RowProblem[] } {
  const accepted: R[] = [];
  const refused: RowProblem[] = [];
  for (const row of rows) {
    const problems = checkOfficeSources(row, row.fieldSources);
    if (problems.length) refused.push({ line: lineOf(row), id: row.id ?? row.externalUrl ?? "", reason: problems.join("; ") });
    else accepted.push({ ...row, phones: labelPhones(row.phones, row.fieldSources) });
  }
  return { accepted, refused };
}

/** The field_source rows of an office, one per value. */
export function buildFieldSources(m: EntityManager, id: string, sources: FieldSourceValue[]): FieldSourceRow[] {
  const seen = new Set<string>();
  return sources.flatMap((s) => {
    const key = `${s.field}\u0000${s.value}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [m.create(FieldSourceRow, { representationId: id, ...s })];
  });
}

/** Offers: CONFIRMED where a source says so (its URL cited), the rest inferred from the kind. */
export function buildOffers(m: EntityManager, row: Pick<RepresentationSeedRow, "id" | "kind" | "confirmedProcedures" | "fieldSources">, catalogue: Procedure[]): ProcedureOfferRow[] {
  const confirmed = new Set<string>(row.confirmedProcedures);
  const urlOf = (code: string) => row.fieldSources.find((s) => s.field === SourcedField.PROCEDURE && s.value === code)?.url ?? null;
  return [
    ...catalogue
      .filter((p) => confirmed.has(p.code))
      .map((p) => m.create(ProcedureOfferRow, { representationId: row.id, procedureCode: p.code, basis: OfferBasis.CONFIRMED, note: null, sourceUrl: urlOf(p.code) })),
    ...typicalOfferRows(catalogue, row.id, row.kind, confirmed).map((offer) => m.create(ProcedureOfferRow, offer)),
  ];
}
