import "reflect-metadata";
import { benchDirectoryList } from "./directory.bench";
import { benchNearest } from "./nearest.bench";
import { benchPeers } from "./peers.bench";
import { benchPages } from "./pages.bench";
import { benchSearch } from "./search.bench";
import { benchPublicReads } from "./public-read.bench";
import { benchSync } from "./sync.bench";

/** `npm run bench`: every scenario in one run, so that ratios are read side by side. */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= "warn";
  const started = Date.now();
  const only = process.argv[2];
  const scenarios = [benchPublicReads, benchPages, benchDirectoryList, benchNearest, benchSearch, benchSync, benchPeers];
  // Run only when named: it installs Hive Gateway (about 500 MB, once) and runs 18 paths × 3 reads.
  const onlyWhenNamed = new Set<(typeof scenarios)[number]>([benchPeers]);
  const names = scenarios.map((s) => s.name.replace(/^bench/, "").toLowerCase());
  const chosen = scenarios.filter((s, i) => (only ? names[i].includes(only.toLowerCase()) : !onlyWhenNamed.has(s)));
  if (!chosen.length) {
    // A typo ("pagse") would otherwise run nothing and say "done".
    console.error(`npm run bench: no scenario named "${only}"; scenarios: ${names.join(", ")}`);
    process.exitCode = 2;
    return;
  }
  console.log(`Enlace bench: node ${process.version}, ${new Date().toISOString()}\n`);
  for (const scenario of chosen) {
    console.log(`[${scenario.name}] running...`);
    for (const line of await scenario()) console.log(line);
    console.log("");
  }
  console.log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
