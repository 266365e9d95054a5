import type { MigrationInterface, QueryRunner } from "typeorm";

const TABLES = ["representation", "representation_jurisdiction", "procedure_offer"];

/**
 * A revision number that the database itself bumps on every change to offices, their
 * jurisdictions or procedures, whoever writes (API, import, seed, psql). Each subgraph
 * process keeps an in-memory index for the nearest search and rebuilds it when the
 * number moved: correct across replicas, one single-row read per query.
 */
export class Revision1732900000000 implements MigrationInterface {
  name = "Revision1732900000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE directory_revision (id integer PRIMARY KEY, n bigint NOT NULL)`);
    await q.query(`INSERT INTO directory_revision (id, n) VALUES (1, 0)`);
    if (q.connection.options.type === "postgres") {
      await q.query(`CREATE FUNCTION directory_bump_revision() RETURNS trigger AS $$ BEGIN UPDATE directory_revision SET n = n + 1 WHERE id = 1; RETURN NULL; END; $$ LANGUAGE plpgsql`);
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
    if (q.connection.options.type === "postgres") {
      for (const table of TABLES) await q.query(`DROP TRIGGER ${table}_revision ON ${table}`);
      await q.query(`DROP FUNCTION directory_bump_revision()`);
    } else {
      for (const table of TABLES) for (const event of ["insert", "update", "delete"]) await q.query(`DROP TRIGGER ${table}_revision_${event}`);
    }
    await q.query(`DROP TABLE directory_revision`);
  }
}
