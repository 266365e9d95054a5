import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { AuditEntry, Country, FieldSourceRow, JurisdictionRow, ProcedureOfferRow, Representation } from "../entities";
import type { Catalogue } from "./catalogue";
import { plainWhereIn } from "./raw-rows";

/** Returns one value per key, in key order: what batch functions owe DataLoader. */
function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}

function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * A fresh set per request: loaders cache, and a cache must never outlive the request
 * (it would serve stale rows, and one caller's rows to another). Countries come from the
 * request's catalogue (catalogue.ts), without a statement; procedures are read there directly.
 */
export function createLoaders(dataSource: DataSource, catalogue: Catalogue) {
  const m = dataSource.manager;
  return {
    countryByCode: new DataLoader<string, Country | null>(async (codes) => codes.map((code) => (catalogue.countries.get(code) as Country | undefined) ?? null)),
    representationById: new DataLoader<string, Representation | null>(async (ids) =>
      // Plain rows (raw-rows.ts): every reader of this loader only reads; writes load their own entity.
      byKey(ids, await plainWhereIn(dataSource, Representation, "id", ids), (r) => r.id),
    ),
    jurisdictionByRepresentationId: new DataLoader<string, JurisdictionRow[]>(async (ids) =>
      groupByKey(ids, await m.find(JurisdictionRow, { where: { representationId: In([...ids]) }, order: { basis: "DESC", countryCode: "ASC" } }), (row) => row.representationId),
    ),
    auditByRepresentationId: new DataLoader<string, AuditEntry[]>(async (ids) =>
      groupByKey(ids, await m.find(AuditEntry, { where: { entity: "Representation", entityId: In([...ids]) }, order: { id: "DESC" } }), (row) => row.entityId),
    ),
    fieldSourcesByRepresentationId: new DataLoader<string, FieldSourceRow[]>(async (ids) =>
      groupByKey(ids, await plainWhereIn(dataSource, FieldSourceRow, "representationId", ids, "t.field, t.value"), (row) => row.representationId),
    ),
    offersByRepresentationId: new DataLoader<string, ProcedureOfferRow[]>(async (ids) =>
      groupByKey(ids, await plainWhereIn(dataSource, ProcedureOfferRow, "representationId", ids), (row) => row.representationId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
