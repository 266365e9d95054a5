import type { EntityManager } from "typeorm";
import { Country, Representation } from "../../../subgraphs/directory/src/entities";
import { representationSearchFields, SEARCH_DOCUMENT_VERSION } from "../../../subgraphs/directory/src/search/search-document";

/**
 * Brings every office's search fields up to the current search document (after an
 * upgrade that changed what is indexed), and on SQLite rebuilds the FTS5 table when it is
 * out of step with the offices. Derived data: no new version of the office, no audit entry.
 * Returns how many offices were recomputed.
 */
export async function refreshSearchIndex(m: EntityManager): Promise<number> {
  const [meta] = (await m.query(`SELECT document_version FROM directory_search_meta WHERE id = 1`)) as { document_version: number }[];
  let recomputed = 0;
  if (Number(meta?.document_version) !== SEARCH_DOCUMENT_VERSION) {
    const countries = new Map((await m.find(Country)).map((c) => [c.code, c]));
    const offices = await m.find(Representation, { select: { id: true, kind: true, city: true, address: true, sendingCountryCode: true, hostCountryCode: true, searchText: true, searchNames: true } });
    for (const office of offices) {
      const sender = countries.get(office.sendingCountryCode);
      const host = countries.get(office.hostCountryCode);
      if (!sender || !host) continue;
      const fields = representationSearchFields(office, sender, host);
      if (fields.searchText === office.searchText && fields.searchNames === office.searchNames) continue;
      // By table name: an entity update would bump the office's version and break editors' expected versions.
      await m.createQueryBuilder().update("representation").set({ search_text: fields.searchText, search_names: fields.searchNames }).where("id = :id", { id: office.id }).execute();
      recomputed++;
    }
    await m.query(`UPDATE directory_search_meta SET document_version = ${SEARCH_DOCUMENT_VERSION} WHERE id = 1`);
  }
  if (m.connection.options.type !== "postgres") {
    const [{ indexed }] = await m.query(`SELECT count(*) AS indexed FROM representation_fts`);
    const [{ offices }] = await m.query(`SELECT count(*) AS offices FROM representation`);
    if (Number(indexed) !== Number(offices)) {
      await m.query(`DELETE FROM representation_fts`);
      await m.query(`INSERT INTO representation_fts (rowid, names, body) SELECT rowid, search_names, search_text FROM representation`);
    }
  }
  return recomputed;
}
