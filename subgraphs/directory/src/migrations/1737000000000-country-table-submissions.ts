import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { column } from "../../../../platform/src/migration-columns";

/** Countries' tables sent for review (issue 21): kept apart from the offices until applied. */
export class CountryTableSubmissions1737000000000 implements MigrationInterface {
  name = "CountryTableSubmissions1737000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "country_table_submission",
        columns: [
          column.primary(column.varchar("id", 36)),
          column.varchar("country", 2),
          column.varchar("status", 16),
          column.varchar("submitted_as", 40),
          column.varchar("submitted_by", 200),
          column.varchar("submitted_at", 32),
          column.varchar("file_name", 200, true),
          column.text("rows"),
          column.text("office_versions"),
          column.text("diff"),
          column.integer("created_count"),
          column.integer("changed_count"),
          column.varchar("decided_at", 32, true),
          column.text("decision_reason", true),
        ],
        indices: [new TableIndex({ name: "idx_table_submission_status", columnNames: ["status"] }), new TableIndex({ name: "idx_table_submission_country", columnNames: ["country"] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("country_table_submission");
  }
}
