import type { TableColumnOptions } from "typeorm";

/**
 * Column builders for migrations written with TypeORM's Table API: types that mean the
 * same on SQLite and PostgreSQL, so one migration creates identical tables on both.
 */
export const column = {
  varchar: (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: "varchar", length: String(length), isNullable: nullable }),
  text: (name: string, nullable = false): TableColumnOptions => ({ name, type: "text", isNullable: nullable }),
  integer: (name: string, nullable = false): TableColumnOptions => ({ name, type: "integer", isNullable: nullable }),
  double: (name: string, nullable = false): TableColumnOptions => ({ name, type: "double precision", isNullable: nullable }),
  primary: (options: TableColumnOptions): TableColumnOptions => ({ ...options, isPrimary: true }),
};
