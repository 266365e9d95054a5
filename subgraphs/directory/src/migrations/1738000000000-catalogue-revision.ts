import type { MigrationInterface, QueryRunner } from "typeorm";

const TABLES = ["country", "procedure"];

/**
 * A second number beside the directory revision, `catalogue_n`, that moves only when the
 * countries or the procedure catalogue change (with `n`, which moves on those too, see
 * 1733000000000-revision-catalogue). The directory keeps the catalogue in memory and
 * reads it again only when this number moved: an office's edit, which moves `n`, no
 * longer makes every process reread 250 countries.
 */
export class CatalogueRevision1738000000000 implements MigrationInterface {
  name = "CatalogueRevision1738000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE directory_revision ADD COLUMN catalogue_n bigint NOT NULL DEFAULT 0`);
    if (q.connection.options.type === "postgres") {
      await q.query(
        `CREATE FUNCTION directory_bump_catalogue_revision() RETURNS trigger AS $$ BEGIN UPDATE directory_revision SET n = n + 1, catalogue_n = catalogue_n + 1 WHERE id = 1; RETURN NULL; END; $$ LANGUAGE plpgsql`,
      );
      for (const table of TABLES) {
        await q.query(`DROP TRIGGER ${table}_revision ON ${table}`);
        await q.query(`CREATE TRIGGER ${table}_revision AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION directory_bump_catalogue_revision()`);
      }
    } else {
      for (const table of TABLES) {
        for (const event of ["INSERT", "UPDATE", "DELETE"]) {
          await q.query(`DROP TRIGGER ${table}_revision_${event.toLowerCase()}`);
          await q.query(
            `CREATE TRIGGER ${table}_revision_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN UPDATE directory_revision SET n = n + 1, catalogue_n = catalogue_n + 1 WHERE id = 1; END`,
          );
        }
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === "postgres") {
      for (const table of TABLES) {
        await q.query(`DROP TRIGGER ${table}_revision ON ${table}`);
        await q.query(`CREATE TRIGGER ${table}_revision AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION directory_bump_revision()`);
      }
      await q.query(`DROP FUNCTION directory_bump_catalogue_revision()`);
    } else {
      for (const table of TABLES) {
        for (const event of ["INSERT", "UPDATE", "DELETE"]) {
          await q.query(`DROP TRIGGER ${table}_revision_${event.toLowerCase()}`);
          await q.query(`CREATE TRIGGER ${table}_revision_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN UPDATE directory_revision SET n = n + 1 WHERE id = 1; END`);
        }
      }
    }
    await q.query(`ALTER TABLE directory_revision DROP COLUMN catalogue_n`);
  }
}
