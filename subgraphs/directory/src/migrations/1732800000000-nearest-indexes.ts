import { TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Covering indexes for the nearest search: it reads, for one to ten sending countries,
 * each office's position and whether it covers the place's country. With these, both
 * reads are answered from the indexes alone (measured at 100,000 offices: see docs/performance.md).
 */
export class NearestIndexes1732800000000 implements MigrationInterface {
  name = "NearestIndexes1732800000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      "representation",
      new TableIndex({ name: "idx_representation_nearest", columnNames: ["sending_country_code", "status", "kind", "latitude", "longitude", "coordinate_precision", "id"] }),
    );
    await q.createIndex("representation_jurisdiction", new TableIndex({ name: "idx_jurisdiction_coverage", columnNames: ["representation_id", "country_code", "basis"] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex("representation_jurisdiction", "idx_jurisdiction_coverage");
    await q.dropIndex("representation", "idx_representation_nearest");
  }
}
