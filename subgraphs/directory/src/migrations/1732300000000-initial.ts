import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { column } from "../../../../platform/src/migration-columns";

/**
 * The directory's first schema. Written with TypeORM's Table API, not raw SQL, so that the
 * same migration creates identical tables on SQLite and PostgreSQL.
 */
export class Initial1732300000000 implements MigrationInterface {
  name = "Initial1732300000000";

  async up(q: QueryRunner): Promise<void> {
    const { text, varchar: code, primary } = column;

    await q.createTable(
      new Table({
        name: "country",
        columns: [
          primary(code("code", 2)),
          code("alpha3", 3),
          text("name_es"),
          text("name_en"),
          text("name_fr"),
          text("name_pt"),
          code("crm_membership", 16, true),
          code("csm_membership", 16, true),
          text("search_text"),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "procedure",
        columns: [primary(code("code", 40)), column.integer("position"), text("label_es"), text("label_en"), text("label_fr"), text("label_pt")],
      }),
    );
    await q.createTable(
      new Table({
        name: "representation",
        columns: [
          primary(code("id", 120)),
          code("kind", 24),
          code("sending_country_code", 2),
          code("host_country_code", 2),
          text("city", true),
          text("address", true),
          column.double("latitude", true),
          column.double("longitude", true),
          code("coordinate_precision", 8, true),
          text("phones"),
          text("emails"),
          text("website", true),
          text("opening_hours", true),
          text("languages"),
          code("status", 24),
          text("source_urls"),
          code("source_date", 10, true),
          code("last_verified_on", 10, true),
          text("search_text"),
          column.integer("version"),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["sending_country_code"], referencedTableName: "country", referencedColumnNames: ["code"] }),
          new TableForeignKey({ columnNames: ["host_country_code"], referencedTableName: "country", referencedColumnNames: ["code"] }),
        ],
        indices: [
          new TableIndex({ name: "idx_representation_sending", columnNames: ["sending_country_code"] }),
          new TableIndex({ name: "idx_representation_host", columnNames: ["host_country_code"] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "representation_jurisdiction",
        columns: [primary(code("representation_id", 120)), primary(code("country_code", 2)), code("basis", 32)],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["representation_id"], referencedTableName: "representation", referencedColumnNames: ["id"], onDelete: "CASCADE" }),
          new TableForeignKey({ columnNames: ["country_code"], referencedTableName: "country", referencedColumnNames: ["code"] }),
        ],
        indices: [new TableIndex({ name: "idx_jurisdiction_country", columnNames: ["country_code"] })],
      }),
    );
    await q.createTable(
      new Table({
        name: "procedure_offer",
        columns: [primary(code("representation_id", 120)), primary(code("procedure_code", 40)), code("basis", 24), text("note", true), text("source_url", true)],
        foreignKeys: [
          new TableForeignKey({ columnNames: ["representation_id"], referencedTableName: "representation", referencedColumnNames: ["id"], onDelete: "CASCADE" }),
          new TableForeignKey({ columnNames: ["procedure_code"], referencedTableName: "procedure", referencedColumnNames: ["code"] }),
        ],
        indices: [new TableIndex({ name: "idx_offer_procedure", columnNames: ["procedure_code"] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["procedure_offer", "representation_jurisdiction", "representation", "procedure", "country"]) {
      await q.dropTable(table);
    }
  }
}
