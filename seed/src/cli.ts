import "reflect-metadata";
import { databaseConfigFromEnv, openDatabase } from "../../subgraphs/shared/src/database";
import { createDirectoryDataSource } from "../../subgraphs/directory/src/database";
import { formatDirectorySummary, seedDirectory } from "./directory";

/** `npm run seed`: migrates and seeds every subgraph's database (idempotent). */
async function main(): Promise<void> {
  const dataSource = await openDatabase(createDirectoryDataSource(databaseConfigFromEnv("directory")));
  try {
    console.log(formatDirectorySummary(await seedDirectory(dataSource, process.argv[2])));
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
