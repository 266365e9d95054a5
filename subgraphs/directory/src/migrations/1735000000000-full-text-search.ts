import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Full-text search over offices with each database's own engine, fed by the same writes:
 * every write sets `search_names` and `search_text` (built in code, see search/), and
 * - SQLite: an FTS5 table whose rows the triggers below keep equal to those columns,
 *   keyed by the office's rowid (VACUUM may renumber the rowids of a table without an
 *   INTEGER PRIMARY KEY: the seed rebuilds the index when it finds it out of step);
 * - PostgreSQL: a generated tsvector column (names weighted A, the rest B) with a GIN index.
 * `directory_search_meta` records which version of the search document the rows hold.
 */
export class FullTextSearch1735000000000 implements MigrationInterface {
  name = "FullTextSearch1735000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE representation ADD COLUMN search_names text NOT NULL DEFAULT ''`);
    await q.query(`CREATE TABLE directory_search_meta (id integer PRIMARY KEY, document_version integer NOT NULL)`);
    await q.query(`INSERT INTO directory_search_meta (id, document_version) VALUES (1, 0)`);
    if (q.connection.options.type === "postgres") {
      await q.query(
        `ALTER TABLE representation ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', search_names), 'A') || setweight(to_tsvector('simple', search_text), 'B')) STORED`,
      );
      await q.query(`CREATE INDEX representation_search_vector ON representation USING GIN (search_vector)`);
      return;
    }
    await q.query(`CREATE VIRTUAL TABLE representation_fts USING fts5(names, body, tokenize = 'unicode61 remove_diacritics 2')`);
    await q.query(`INSERT INTO representation_fts (rowid, names, body) SELECT rowid, search_names, search_text FROM representation`);
    await q.query(
      `CREATE TRIGGER representation_fts_insert AFTER INSERT ON representation BEGIN INSERT INTO representation_fts (rowid, names, body) VALUES (new.rowid, new.search_names, new.search_text); END`,
    );
    await q.query(
      `CREATE TRIGGER representation_fts_update AFTER UPDATE OF search_names, search_text ON representation BEGIN DELETE FROM representation_fts WHERE rowid = old.rowid; INSERT INTO representation_fts (rowid, names, body) VALUES (new.rowid, new.search_names, new.search_text); END`,
    );
    await q.query(`CREATE TRIGGER representation_fts_delete AFTER DELETE ON representation BEGIN DELETE FROM representation_fts WHERE rowid = old.rowid; END`);
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === "postgres") {
      await q.query(`ALTER TABLE representation DROP COLUMN search_vector`);
    } else {
      for (const t of ["insert", "update", "delete"]) await q.query(`DROP TRIGGER representation_fts_${t}`);
      await q.query(`DROP TABLE representation_fts`);
    }
    await q.query(`DROP TABLE directory_search_meta`);
    await q.query(`ALTER TABLE representation DROP COLUMN search_names`);
  }
}
