import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { column } from "../../../../platform/src/migration-columns";

/**
 * A source per value (field_source: URL, date, exact excerpt) and the caveats an official
 * needs (representation.caveats). field_source moves the directory revision like the
 * other directory tables: its rows are in public answers the gateway caches by revision.
 */
export class FieldSources1736000000000 implements MigrationInterface {
  name = "FieldSources1736000000000";

  async up(q: QueryRunner): Promise<void> {
    // Plain ALTER TABLE: TypeORM's addColumn rebuilds a SQLite table, and with it would go
    // the representation's revision and full-text triggers.
    await q.query(`ALTER TABLE representation ADD COLUMN caveats text NOT NULL DEFAULT '[]'`);
    await q.createTable(
      new Table({
        name: "field_source",
        columns: [
          column.primary(column.varchar("representation_id", 120)),
          column.primary(column.varchar("field", 16)),
          column.primary(column.varchar("value", 500)),
          column.varchar("label", 16, true),
          column.text("url"),
          column.varchar("published", 10, true),
          column.varchar("seen_on", 10),
          column.text("excerpt"),
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ["representation_id"], referencedTableName: "representation", referencedColumnNames: ["id"], onDelete: "CASCADE" })],
        indices: [new TableIndex({ name: "idx_field_source_representation", columnNames: ["representation_id"] })],
      }),
    );
    if (q.connection.options.type === "postgres") {
      await q.query(`CREATE TRIGGER field_source_revision AFTER INSERT OR UPDATE OR DELETE ON field_source FOR EACH STATEMENT EXECUTE FUNCTION directory_bump_revision()`);
    } else {
      for (const event of ["INSERT", "UPDATE", "DELETE"]) {
        await q.query(`CREATE TRIGGER field_source_revision_${event.toLowerCase()} AFTER ${event} ON field_source BEGIN UPDATE directory_revision SET n = n + 1 WHERE id = 1; END`);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("field_source");
    await q.query(`ALTER TABLE representation DROP COLUMN caveats`);
  }
}
