import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { column } from "../../../../platform/src/migration-columns";

export class Roster1733000000000 implements MigrationInterface {
  name = "Roster1733000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "focal_point",
        columns: [
          column.primary(column.varchar("id", 64)),
          column.varchar("country_code", 2),
          column.varchar("role", 40),
          column.text("person_name"),
          column.text("position", true),
          column.text("institution"),
          column.text("emails"),
          column.text("phones"),
          column.text("languages"),
          column.varchar("term_start", 10),
          column.varchar("term_end", 10, true),
          column.varchar("status", 16),
          column.text("shared_with"),
          column.varchar("representation_id", 120, true),
          column.integer("version"),
        ],
        indices: [new TableIndex({ name: "idx_focal_point_country_role", columnNames: ["country_code", "role"] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("focal_point");
  }
}
