import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { printSubgraphSchema } from "@apollo/subgraph";
import { projectRoot } from "../platform/src/paths";
import { SUBGRAPHS } from "../subgraphs";

/**
 * Writes each subgraph's SDL, printed from its code, to subgraphs/<name>/schema.graphql
 * (committed, so that schema changes show in review). With --check, writes nothing and
 * fails when a committed file differs from what the code prints.
 */
async function main(check: boolean): Promise<void> {
  let stale = 0;
  for (const subgraph of SUBGRAPHS) {
    const path = join(projectRoot(), "subgraphs", subgraph.name, "schema.graphql");
    const sdl = `# Generated from the code by \`npm run compose\`. Do not edit.\n${printSubgraphSchema(await (await subgraph.load()).buildSchema())}\n`;
    let current = "";
    try {
      current = readFileSync(path, "utf8");
    } catch {
      // missing: stale
    }
    if (current === sdl) continue;
    stale++;
    if (check) console.error(`stale: subgraphs/${subgraph.name}/schema.graphql differs from the code; run npm run compose`);
    else {
      writeFileSync(path, sdl);
      console.log(`wrote subgraphs/${subgraph.name}/schema.graphql`);
    }
  }
  if (check && stale) process.exitCode = 1;
}

main(process.argv.includes("--check")).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
