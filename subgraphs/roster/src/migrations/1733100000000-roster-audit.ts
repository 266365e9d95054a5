import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { column } from "../../../../platform/src/migration-columns";

export class RosterAudit1733100000000 implements MigrationInterface {
  name = "RosterAudit1733100000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "roster_audit",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          column.varchar("entity_id", 64),
          column.varchar("action", 32),
          column.varchar("actor_role", 16),
          column.varchar("actor", 200),
          column.varchar("at", 32),
          column.text("changes"),
        ],
        indices: [new TableIndex({ name: "idx_roster_audit_entity", columnNames: ["entity_id"] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("roster_audit");
  }
}
