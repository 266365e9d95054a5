import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { column } from "../../../../platform/src/migration-columns";

/** The directory's audit trail (imports now; secretariat edits and field corrections next). */
export class Audit1732500000000 implements MigrationInterface {
  name = "Audit1732500000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "directory_audit",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          column.varchar("entity", 32),
          column.varchar("entity_id", 120),
          column.varchar("action", 32),
          column.varchar("actor_role", 16),
          column.varchar("actor", 200),
          column.varchar("at", 32),
          column.text("changes"),
        ],
        indices: [new TableIndex({ name: "idx_directory_audit_entity", columnNames: ["entity", "entity_id"] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("directory_audit");
  }
}
