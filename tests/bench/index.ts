import "reflect-metadata";
import { benchDirectoryList } from "./directory.bench";
import { benchNearest } from "./nearest.bench";
import { benchSearch } from "./search.bench";
import { benchPublicReads } from "./public-read.bench";
import { benchSync } from "./sync.bench";
import { benchWebPages } from "./web-pages.bench";

/** `npm run bench`: every scenario in one run, so that ratios are read side by side. */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= "warn";
  const started = Date.now();
  console.log(`Enlace bench: node ${process.version}, ${new Date().toISOString()}\n`);
  const only = process.argv[2];
  for (const scenario of [benchPublicReads, benchDirectoryList, benchNearest, benchSearch, benchSync, benchWebPages].filter((s) => !only || s.name.toLowerCase().includes(only.toLowerCase()))) {
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
