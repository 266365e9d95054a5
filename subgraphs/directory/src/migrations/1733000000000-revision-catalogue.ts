import type { MigrationInterface, QueryRunner } from "typeorm";

const TABLES = ["country", "procedure"];

/**
 * The directory revision (see 1732900000000-revision) also moves when countries or the
 * procedure catalogue change: their names are in the public answers the gateway caches
 * by revision, and the seed or an import may write them while the gateway runs.
 */
export class RevisionCatalogue1733000000000 implements MigrationInterface {
  name = "RevisionCatalogue1733000000000";

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === "postgres") {
      for (const table of TABLES) {
        await q.query(`CREATE TRIGGER ${table}_revision AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION directory_bump_revision()`);
      }
    } else {
      for (const table of TABLES) {
        for (const event of ["INSERT", "UPDATE", "DELETE"]) {
          await q.query(`CREATE TRIGGER ${table}_revision_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN UPDATE directory_revision SET n = n + 1 WHERE id = 1; END`);
        }
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      if (q.connection.options.type === "postgres") await q.query(`DROP TRIGGER ${table}_revision ON ${table}`);
      else for (const event of ["insert", "update", "delete"]) await q.query(`DROP TRIGGER ${table}_revision_${event}`);
    }
  }
}
