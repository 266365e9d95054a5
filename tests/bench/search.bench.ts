import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedDirectory } from "../../seed/src/directory";
import { addSyntheticRepresentations } from "../../seed/src/synthetic";
import { createDirectoryDataSource } from "../../subgraphs/directory/src/database";
import { Representation } from "../../subgraphs/directory/src/entities";
import { createLoaders } from "../../subgraphs/directory/src/loaders";
import { CatalogueCache } from "../../subgraphs/directory/src/loaders/catalogue";
import { applyRepresentationFilter } from "../../subgraphs/directory/src/resolvers/representation.query";
import { orderByRelevance } from "../../subgraphs/directory/src/search/full-text";
import { openDatabase } from "../../platform/src/database";
import { median } from "./load";

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

/** What a search box sends, in the four languages, whole words and prefixes. */
const QUERIES = [
  "consulado de haiti",
  "embassy of haiti",
  "ambassade d'haïti",
  "embaixada do brasil",
  "Nueva York",
  "tapach",
  "consulado general",
  "emb",
  "india panama",
  "honorary consulate of italy",
];

/**
 * p50/p99 of a text search at 100,000 offices: the SQL the list runs for one page of 20
 * by relevance plus its totalCount, in the subgraph (no HTTP), SQLite FTS5.
 */
export async function benchSearch(options = { offices: 100_000, rounds: 30 }): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "enlace-bench-search-"));
  const dataSource = await openDatabase(createDirectoryDataSource({ sqlitePath: join(dir, "directory.sqlite") }));
  try {
    const seeded = await seedDirectory(dataSource);
    const real = seeded.representations.inserted;
    await addSyntheticRepresentations(dataSource, options.offices - real);
    const catalogues = new CatalogueCache(dataSource);
    const search = async (text: string) => {
      const base = await applyRepresentationFilter(dataSource.getRepository(Representation).createQueryBuilder("r"), { text }, createLoaders(dataSource, (await catalogues.current()).catalogue));
      const [rows, total] = await Promise.all([orderByRelevance(base.clone()).limit(21).getMany(), base.getCount()]);
      return { rows, total };
    };
    const hits = new Map<string, number>();
    for (const q of QUERIES) hits.set(q, (await search(q)).total); // warm up, and the hit counts
    const ms: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      for (const q of QUERIES) {
        const t = process.hrtime.bigint();
        await search(q);
        ms.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }
    return [
      `search: ${options.offices.toLocaleString("en")} offices (${real} real + synthetic), SQLite FTS5, ${ms.length} searches (${QUERIES.length} texts x ${options.rounds}), a page of 20 by relevance + totalCount, in the subgraph (no HTTP)`,
      `  p50 ${median(ms).toFixed(2)} ms   p99 ${percentile(ms, 99).toFixed(2)} ms`,
      `  hits: ${QUERIES.map((q) => `"${q}" ${hits.get(q)?.toLocaleString("en")}`).join(", ")}`,
    ];
  } finally {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
