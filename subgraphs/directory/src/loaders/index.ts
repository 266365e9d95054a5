import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { AuditEntry, Country, FieldSourceRow, JurisdictionRow, ProcedureOfferRow, Representation } from "../entities";
import type { Catalogue } from "./catalogue";
import type { OfficeRows } from "./office-rows";
import { plainWhereIn } from "./raw-rows";

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
export function createLoaders(dataSource: DataSource, catalogue: Catalogue, heldOffices?: () => OfficeRows | Promise<OfficeRows> | undefined) {
  const m = dataSource.manager;
  return {
    countryByCode: new DataLoader<string, Country | null>(async (codes) => codes.map((code) => (catalogue.countries.get(code) as Country | undefined) ?? null)),
    // Plain rows (raw-rows.ts): every reader of this loader only reads; writes load their own entity.
    representationById: new DataLoader<string, Readonly<Representation> | null>(async (ids) => {
      // A query takes the rows held for its revision (office-rows.ts); a mutation, or an
      // office written since they were read, goes to the database.
      const held = await heldOffices?.();
      const missing = held ? ids.filter((id) => !held.has(id)) : ids;
      const read = missing.length ? new Map((await plainWhereIn(dataSource, Representation, "id", missing)).map((r) => [r.id, r])) : undefined;
      return ids.map((id) => held?.get(id) ?? read?.get(id) ?? null);
    }),
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
