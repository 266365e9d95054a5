import { In, type EntityManager } from "typeorm";
import { Country, ProcedureOfferRow, Representation, type ProcedureCode } from "../entities";
import { checkRow, type CheckedRow } from "./check-row";
import { answerOf, tableDiff, type OfferAnswers } from "./table-diff";
import type { CountryTableDiff, CountryTableRowInput } from "./table.types";

export interface TableComparison {
  diff: CountryTableDiff;
  /** The rows that passed, by row number. */
  checked: Map<number, CheckedRow>;
  /** The versions of the offices compared. */
  versions: Record<string, number>;
  hostName: string;
}

/**
 * A host country's rows against the directory as it is now: every cell checked, then the
 * diff. Read-only; four reads whatever the table's size.
 */
export async function compareTable(m: EntityManager, host: string, rows: CountryTableRowInput[]): Promise<TableComparison> {
  const countries = await m.find(Country, { select: { code: true, nameEn: true } });
  const offices = new Map((await m.find(Representation)).map((r) => [r.id, r]));
  const hosted = [...offices.values()].filter((r) => r.hostCountryCode === host).map((r) => r.id);
  const offers = new Map<string, OfferAnswers>();
  for (const o of hosted.length ? await m.findBy(ProcedureOfferRow, { representationId: In(hosted) }) : []) {
    const answers = offers.get(o.representationId) ?? new Map<ProcedureCode, ReturnType<typeof answerOf>>();
    answers.set(o.procedureCode, answerOf(o.basis));
    offers.set(o.representationId, answers);
  }
  const hostName = countries.find((c) => c.code === host)?.nameEn ?? host;
  const ctx = { host, hostName, offices, countries: new Set(countries.map((c) => c.code)) };
  const checked = new Map<number, CheckedRow>();
  const rejected = [];
  for (const row of rows) {
    const result = checkRow(row, ctx);
    rejected.push(...result.problems);
    if (result.checked) checked.set(row.row, result.checked);
  }
  const diff = tableDiff([...checked.values()], offers, new Set(offices.keys()), host);
  diff.rejected.unshift(...rejected);
  diff.rejected.sort((a, b) => a.row - b.row);
  const versions = Object.fromEntries([...checked.values()].flatMap((r) => (r.office ? [[r.office.id, r.office.version]] : [])));
  return { diff, checked, versions, hostName };
}
