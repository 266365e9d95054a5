import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedDirectory } from "../../seed/src/directory";
import { addSyntheticRepresentations, prng } from "../../seed/src/synthetic";
import { createDirectoryDataSource } from "../../subgraphs/directory/src/database";
import { distanceKm } from "../../subgraphs/directory/src/geo/distance";
import { rankNearest, type NearestQuery } from "../../subgraphs/directory/src/nearest/nearest.service";
import { OfficeIndex } from "../../subgraphs/directory/src/nearest/office-index";
import { openDatabase } from "../../platform/src/database";
import { median } from "./load";
import { benchPlaces } from "./places.bench";

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

/** The same question answered without the index: every office read and measured. */
async function fullScan(dataSource: Awaited<ReturnType<typeof openDatabase>>, q: NearestQuery) {
  const rows: { id: string; sender: string; latitude: number; longitude: number }[] = await dataSource.query(
    "SELECT id, sending_country_code AS sender, latitude, longitude FROM representation WHERE status = 'ACTIVE' AND latitude IS NOT NULL",
  );
  return rows
    .filter((r) => q.nationalities.includes(r.sender))
    .map((r) => ({ id: r.id, km: distanceKm(q, r) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, q.first);
}

/** p50/p99 of the nearest ranking in the subgraph at 100,000 offices, and the ratio to a full scan; then place resolution's (places.bench.ts). */
export async function benchNearest(options = { offices: 100_000, queries: 400 }): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "enlace-bench-nearest-"));
  const dataSource = await openDatabase(createDirectoryDataSource({ sqlitePath: join(dir, "directory.sqlite") }));
  try {
    const real = (await seedDirectory(dataSource)).representations.inserted;
    // Place resolution with the real directory's region, before synthetic offices make every country a host.
    const places = benchPlaces((await new OfficeIndex(dataSource).current()).region);
    const started = Date.now();
    await addSyntheticRepresentations(dataSource, options.offices - real);
    const built = ((Date.now() - started) / 1000).toFixed(1);
    const random = prng(7);
    const nationalities = ["BD", "NP", "IN", "HT", "CU", "CN", "VE", "NG", "GH", "SN"];
    const queries: NearestQuery[] = Array.from({ length: options.queries }, () => ({
      nationalities: random() < 0.3 ? [nationalities[Math.floor(random() * 10)], nationalities[Math.floor(random() * 10)]] : [nationalities[Math.floor(random() * 10)]],
      placeCountry: "MX",
      latitude: random() * 40 - 10,
      longitude: random() * -40 - 70,
      first: 5,
    }));
    const time = async (fn: (q: NearestQuery) => Promise<unknown>, count = queries.length) => {
      for (const q of queries.slice(0, 20)) await fn(q); // warm up
      const ms: number[] = [];
      for (const q of queries.slice(0, count)) {
        const t = process.hrtime.bigint();
        await fn(q);
        ms.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      return ms;
    };
    const index = new OfficeIndex(dataSource);
    const buildStarted = Date.now();
    await index.officesOf(["MX"]);
    const indexBuilt = Date.now() - buildStarted;
    const indexed = await time((q) => rankNearest(index, q));
    const scan = await time((q) => fullScan(dataSource, q), 100); // ~0.4 s each: 100 are enough
    const row = (name: string, ms: number[]) => `  ${name.padEnd(34)} p50 ${median(ms).toFixed(2).padStart(7)} ms   p99 ${percentile(ms, 99).toFixed(2).padStart(7)} ms`;
    return [
      `nearest: ${options.offices.toLocaleString("en")} offices (${real} real + synthetic, built in ${built} s), SQLite, ${options.queries} queries of 1-2 nationalities, in the subgraph (ranking, no HTTP)`,
      row("in-memory index (+1 revision read)", indexed),
      row("full scan of the same data (100)", scan),
      `  full scan / index                 ${(median(scan) / median(indexed)).toFixed(1)}x at p50, ${(percentile(scan, 99) / percentile(indexed, 99)).toFixed(1)}x at p99`,
      `  index built in ${indexBuilt} ms (once per process, again only after a change)`,
      ...places,
    ];
  } finally {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchNearest().then((lines) => console.log(lines.join("\n")));
}
