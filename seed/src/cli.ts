import "reflect-metadata";
import { databaseConfigFromEnv } from "../../subgraphs/shared/src/database";
import { SUBGRAPH_MODULES } from "../../stack/subgraphs";

/** `npm run seed`: migrates and seeds every subgraph's database (idempotent). */
async function main(): Promise<void> {
  for (const subgraph of SUBGRAPH_MODULES) {
    const dataSource = await subgraph.open(databaseConfigFromEnv(subgraph.name));
    try {
      console.log(await subgraph.seed(dataSource));
    } finally {
      await dataSource.destroy();
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
