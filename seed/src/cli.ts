import "reflect-metadata";
import { ExitCode, runCommand } from "../../platform/src/cli";
import { databaseConfigFromEnv } from "../../platform/src/database";
import { databaseExists, describeDatabase } from "../../platform/src/database-location";
import { SUBGRAPHS } from "../../subgraphs";
import { SEEDS } from ".";

const USAGE = `usage: npm run seed

  Creates (when missing), migrates and seeds every subgraph's database without starting
  the servers; npm start does the same on its first start. Idempotent: only what is
  missing is added, so an edit is never overwritten. It prints each database it uses.

  The databases: DATA_DIR/<subgraph>.sqlite (DATA_DIR defaults to ./data), or
  <SUBGRAPH>_DATABASE_URL, else DATABASE_URL, on PostgreSQL.

  exit codes: 0 done; 1 a database could not be reached (run it again later);
  2 a permanent failure (fix the cause first)`;

/** `npm run seed`: migrates and seeds every subgraph's database (idempotent). */
export function runSeedCommand(argv: string[] = process.argv.slice(2)): Promise<ExitCode> {
  return runCommand(
    {
      name: "seed",
      usage: USAGE,
      config: { options: {} },
      async run() {
        for (const subgraph of SUBGRAPHS) {
          const config = databaseConfigFromEnv(subgraph.name);
          const created = !(await databaseExists(config, subgraph.name));
          console.log(`${subgraph.name} database: ${describeDatabase(config)}${created ? " (created now)" : ""}`);
          const dataSource = await (await subgraph.load()).open(config);
          try {
            console.log(await SEEDS[subgraph.name](dataSource));
          } finally {
            await dataSource.destroy();
          }
        }
        return ExitCode.Done;
      },
    },
    argv,
  );
}

if (require.main === module) void runSeedCommand();
