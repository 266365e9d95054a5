import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { countryAt } from "../../subgraphs/directory/src/geo/boundaries";
import { nearestPlace } from "../../subgraphs/directory/src/places/gazetteer";
import { resolvePlaceQuery } from "../../subgraphs/directory/src/places/place-resolver";
import { median } from "./load";

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const row = (name: string, ms: number[]) => `  ${name.padEnd(34)} p50 ${median(ms).toFixed(2).padStart(7)} ms   p99 ${percentile(ms, 99).toFixed(2).padStart(7)} ms`;

/** Load time and retained heap of the gazetteer and of the boundaries, each in a fresh process (they load once per process). */
function loadCost(module: string, call: string): { ms: number; mb: number } {
  const file = join(__dirname, "../../subgraphs/directory/src", module);
  const script = `gc(); const h0 = process.memoryUsage(); const h = h0.heapUsed + h0.external; const t = process.hrtime.bigint(); const m = require(${JSON.stringify(file)}); ${call};
    const ms = Number(process.hrtime.bigint() - t) / 1e6; gc(); const u = process.memoryUsage(); console.log(JSON.stringify({ ms, mb: (u.heapUsed + u.external - h) / 1e6 }));`;
  return JSON.parse(execFileSync(process.execPath, ["--expose-gc", "-e", script], { encoding: "utf8" }));
}

/**
 * p50/p99 of place resolution over the test table (tests/fixtures/place-table.csv), in the
 * subgraph's process (no HTTP), with the directory's real region; and of a coordinates
 * lookup (boundary country and nearest town) at the same places.
 */
export function benchPlaces(region: ReadonlySet<string>, rounds = 5): string[] {
  const gazetteerLoad = loadCost("places/gazetteer.js", "m.gazetteer()");
  const boundariesLoad = loadCost("geo/boundaries.js", "m.countryAt(0, 0)");
  const table = parse(readFileSync(join(__dirname, "../../../tests/fixtures/place-table.csv"), "utf8"), { columns: true }) as {
    query: string;
    country_iso2: string;
    latitude: string;
    longitude: string;
  }[];
  // Answers are remembered per region set (place-resolver.ts): a copy of the set per query
  // times the search itself, the set itself what a name asked again costs.
  const resolveIn = (regionOf: () => ReadonlySet<string>) => (r: (typeof table)[number]) => {
    try {
      resolvePlaceQuery({ text: r.query, country: r.country_iso2 || undefined, field: "near.place", region: regionOf(), limit: 6 });
    } catch {
      // a miss costs the same search plus the suggestions: timed too
    }
  };
  const locate = (r: (typeof table)[number]) => {
    countryAt(Number(r.latitude), Number(r.longitude));
    nearestPlace(Number(r.latitude), Number(r.longitude));
  };
  const time = (fn: (r: (typeof table)[number]) => void) => {
    table.forEach(fn); // warm up (and first use of the lazily built name lists)
    const ms: number[] = [];
    for (let i = 0; i < rounds; i++) {
      for (const r of table) {
        const t = process.hrtime.bigint();
        fn(r);
        ms.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }
    return ms;
  };
  return [
    `places: ${table.length} test-table queries x ${rounds}, in the subgraph (resolution, no HTTP), region of ${region.size} countries`,
    row("place name → place", time(resolveIn(() => new Set(region)))),
    row("the same name asked again", time(resolveIn(() => region))),
    row("coordinates → country + town", time(locate)),
    `  gazetteer loaded in ${(gazetteerLoad.ms / 1000).toFixed(1)} s, memory +${gazetteerLoad.mb.toFixed(0)} MB; boundaries in ${(boundariesLoad.ms / 1000).toFixed(1)} s, memory +${boundariesLoad.mb.toFixed(0)} MB (heap and buffers) (once per process)`,
  ];
}
