import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { column } from "../../../../platform/src/migration-columns";
import { createSyncState } from "../../../kit/src/sync/sync-state";

/** The change feed (issue 5): sync_state and feed_entry, with every existing focal point as a first change. */
export class RosterFeed1733200000000 implements MigrationInterface {
  name = "RosterFeed1733200000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "feed_entry",
        columns: [column.primary(column.varchar("audience", 40)), column.primary(column.varchar("entity_id", 64)), column.integer("seq"), column.integer("removed")],
        indices: [new TableIndex({ name: "idx_feed_entry_audience_seq", columnNames: ["audience", "seq"] })],
      }),
    );
    const existing: { id: string; shared_with: string; status: string }[] = await q.query("SELECT id, shared_with, status FROM focal_point ORDER BY id");
    const rows: { audience: string; entity_id: string; seq: number; removed: number }[] = [];
    for (const fp of existing) {
      rows.push({ audience: "*", entity_id: fp.id, seq: rows.length + 1, removed: 0 });
      if ((JSON.parse(fp.shared_with) as string[]).includes("CSM") && fp.status === "ACTIVE") rows.push({ audience: "partner:CSM", entity_id: fp.id, seq: rows.length + 1, removed: 0 });
    }
    // Plain SQL: a migration must not depend on today's entity classes.
    const postgres = q.connection.driver.options.type === "postgres";
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200);
      const placeholders = chunk.map((_r, j) => `(${[1, 2, 3, 4].map((k) => (postgres ? `$${j * 4 + k}` : "?")).join(", ")})`).join(", ");
      await q.query(
        `INSERT INTO feed_entry (audience, entity_id, seq, removed) VALUES ${placeholders}`,
        chunk.flatMap((r) => [r.audience, r.entity_id, r.seq, r.removed]),
      );
    }
    await createSyncState(q, rows.length);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("sync_state");
    await q.dropTable("feed_entry");
  }
}
