import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { column } from "../../../../platform/src/migration-columns";
import { createSyncState } from "../../../kit/src/sync/sync-state";

export class Exchange1734000000000 implements MigrationInterface {
  name = "Exchange1734000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "partner_contact",
        columns: [
          column.primary(column.varchar("id", 64)),
          column.varchar("conference", 16),
          column.varchar("external_id", 200),
          column.varchar("country_code", 2),
          column.text("topics"),
          column.text("person_name"),
          column.text("position", true),
          column.text("institution"),
          column.text("emails"),
          column.text("phones"),
          column.text("languages"),
          column.integer("version"),
          column.varchar("updated_at", 32),
          column.varchar("removed_at", 32, true),
          column.integer("change_seq"),
          column.varchar("last_batch", 120),
        ],
        indices: [
          new TableIndex({ name: "uq_partner_contact_external", columnNames: ["conference", "external_id"], isUnique: true }),
          new TableIndex({ name: "idx_partner_contact_seq", columnNames: ["change_seq"] }),
          new TableIndex({ name: "idx_partner_contact_conference_seq", columnNames: ["conference", "change_seq"] }),
          new TableIndex({ name: "idx_partner_contact_country", columnNames: ["country_code"] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: "partner_batch",
        columns: [
          column.primary(column.varchar("conference", 16)),
          column.primary(column.varchar("batch_id", 120)),
          column.varchar("mode", 16),
          column.varchar("content_hash", 64),
          column.varchar("actor", 200),
          column.varchar("applied_at", 32),
          column.text("report"),
        ],
      }),
    );
    await createSyncState(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("sync_state");
    await q.dropTable("partner_batch");
    await q.dropTable("partner_contact");
  }
}
