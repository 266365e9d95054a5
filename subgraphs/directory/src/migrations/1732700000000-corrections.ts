import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { column } from "../../../../platform/src/migration-columns";

/** Corrections reported from the field. */
export class Corrections1732700000000 implements MigrationInterface {
  name = "Corrections1732700000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "correction",
        columns: [
          column.primary(column.varchar("id", 36)),
          column.varchar("representation_id", 120),
          column.integer("representation_version"),
          column.text("changes"),
          column.text("comment", true),
          column.varchar("status", 16),
          column.varchar("submitted_by", 200),
          column.varchar("submitter_country", 2),
          column.varchar("submitted_at", 32),
          column.varchar("decided_at", 32, true),
          column.text("decision_reason", true),
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ["representation_id"], referencedTableName: "representation", referencedColumnNames: ["id"] })],
        indices: [new TableIndex({ name: "idx_correction_status", columnNames: ["status"] }), new TableIndex({ name: "idx_correction_submitter", columnNames: ["submitted_by"] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("correction");
  }
}
