import type { SelectQueryBuilder } from "typeorm";
import type { Representation } from "../entities";

/** The alias of the joined search result; its `score` orders best first (ascending). */
export const SEARCH_ALIAS = "fts";

/**
 * Keeps the offices (aliased `r`) that hold every term, each term as a prefix ("tapach"
 * finds Tapachula), with the database's own full-text index: FTS5 on SQLite (bm25, names
 * weighted 10 to 1), a tsvector GIN index on PostgreSQL (ts_rank, names weight A).
 * Terms are folded words of letters and digits (search-terms.ts), so they need no quoting
 * beyond what is done here.
 */
export function matchTerms(qb: SelectQueryBuilder<Representation>, terms: string[]): SelectQueryBuilder<Representation> {
  const postgres = qb.connection.options.type === "postgres";
  const exact = { exactName: `%|${terms.join(" ")}|%` };
  if (postgres) {
    const query = terms.map((t) => `${t}:*`).join(" & ");
    qb.innerJoin(
      (sub) =>
        sub
          .select("s.id", "id")
          .addSelect("-ts_rank(s.search_vector, to_tsquery('simple', :ftsQuery))", "score")
          .from("representation", "s")
          .where("s.search_vector @@ to_tsquery('simple', :ftsQuery)"),
      SEARCH_ALIAS,
      `${SEARCH_ALIAS}.id = r.id`,
    );
    return qb.setParameters({ ftsQuery: query, ...exact });
  }
  const query = terms.map((t) => `"${t}"*`).join(" ");
  qb.innerJoin(
    (sub) =>
      sub
        .select("representation_fts.rowid", "fts_rowid")
        .addSelect("bm25(representation_fts, 10.0, 1.0)", "score")
        .from("representation_fts", "representation_fts")
        .where("representation_fts MATCH :ftsQuery"),
    SEARCH_ALIAS,
    `${SEARCH_ALIAS}.fts_rowid = r.rowid`,
  );
  return qb.setParameters({ ftsQuery: query, ...exact });
}

/** Best first: an exact name ("consulado haiti" = "Consulado de Haití"), then relevance, then id. */
export function orderByRelevance(qb: SelectQueryBuilder<Representation>): SelectQueryBuilder<Representation> {
  return qb.orderBy("CASE WHEN r.search_names LIKE :exactName THEN 0 ELSE 1 END", "ASC").addOrderBy(`${SEARCH_ALIAS}.score`, "ASC").addOrderBy("r.id", "ASC");
}
