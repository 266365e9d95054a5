import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";

type Mapper<T> = (row: Record<string, unknown>) => T;
const mappers = new WeakMap<DataSource, Map<unknown, Mapper<unknown>>>();

/**
 * Turns a raw row (columns aliased `<alias>_<column>`, as a query builder's getRawMany
 * gives them) into a plain object with the entity's property names: what the GraphQL
 * types read, without TypeORM's per-column hydration, which cost more than the SQL on
 * the directory's hot reads. Only for reads: nothing here is ever saved. simple-json
 * columns are parsed; every other column the driver returns as is (text, numbers).
 */
function mapperOf<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, alias: string): Mapper<T> {
  let byEntity = mappers.get(dataSource);
  if (!byEntity) mappers.set(dataSource, (byEntity = new Map()));
  const key = `${String((entity as { name?: string }).name)}:${alias}`;
  const known = byEntity.get(key);
  if (known) return known as Mapper<T>;
  const columns = dataSource.getMetadata(entity).columns.map((c) => ({
    property: c.propertyName,
    name: alias ? `${alias}_${c.databaseName}` : c.databaseName,
    json: c.type === "simple-json",
  }));
  const mapper: Mapper<T> = (row) => {
    const out: Record<string, unknown> = {};
    for (const c of columns) {
      const value = row[c.name];
      out[c.property] = c.json && typeof value === "string" ? JSON.parse(value) : value;
    }
    return out as T;
  };
  byEntity.set(key, mapper as Mapper<unknown>);
  return mapper;
}

/** The query builder's rows as plain objects shaped like the entity (one statement, as getMany). */
export async function plainMany<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, qb: SelectQueryBuilder<T>): Promise<T[]> {
  const map = mapperOf(dataSource, entity, qb.alias);
  return (await qb.getRawMany()).map(map);
}

/** `SELECT * FROM <table> WHERE <column> IN (...)` as plain objects shaped like the entity. */
export async function plainWhereIn<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, property: string, values: readonly unknown[], orderBy?: string): Promise<T[]> {
  const qb = dataSource
    .getRepository(entity)
    .createQueryBuilder("t")
    .where(`t.${property} IN (:...values)`, { values: [...values] });
  if (orderBy) qb.orderBy(orderBy);
  return plainMany(dataSource, entity, qb);
}
