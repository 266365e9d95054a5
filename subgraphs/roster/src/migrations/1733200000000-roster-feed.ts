import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { column } from "../../../shared/src/migration-columns";
import { createSyncState } from "../../../shared/src/sync/sync-state";

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
    const existing: { id: string; shared_with: string; status: string }[] = await q.manager.createQueryBuilder().select(["id", "shared_with", "status"]).from("focal_point", "f").orderBy("id").getRawMany();
    const rows: { audience: string; entity_id: string; seq: number; removed: number }[] = [];
    for (const fp of existing) {
      rows.push({ audience: "*", entity_id: fp.id, seq: rows.length + 1, removed: 0 });
      if ((JSON.parse(fp.shared_with) as string[]).includes("CSM") && fp.status === "ACTIVE") rows.push({ audience: "partner:CSM", entity_id: fp.id, seq: rows.length + 1, removed: 0 });
    }
    for (let i = 0; i < rows.length; i += 200) await q.manager.createQueryBuilder().insert().into("feed_entry").values(rows.slice(i, i + 200)).execute();
    await createSyncState(q, rows.length);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("sync_state");
    await q.dropTable("feed_entry");
  }
}
