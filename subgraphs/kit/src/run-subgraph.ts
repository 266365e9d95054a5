import type { DataSource } from "typeorm";
import { databaseConfigFromEnv, type DatabaseConfig } from "../../../platform/src/database";
import { listen } from "../../../platform/src/http";
import { identitySecretFromEnv } from "../../../platform/src/identity";
import { log } from "../../../platform/src/log";
import { runMain, stopOnSignals } from "../../../platform/src/process";
import type { SubgraphServer } from "./subgraph-server";

/**
 * A subgraph's own process (production: one per subgraph, as many replicas as needed):
 * IDENTITY_SECRET, its database from the environment (migrated), PORT and HOST.
 */
export function runSubgraph(subgraph: {
  name: string;
  defaultPort: number;
  open(config: DatabaseConfig): Promise<DataSource>;
  createServer(dataSource: DataSource, identitySecret: string): Promise<SubgraphServer>;
}): void {
  runMain(`${subgraph.name} subgraph`, async () => {
    const identitySecret = identitySecretFromEnv(); // before opening anything: fail fast
    const dataSource = await subgraph.open(databaseConfigFromEnv(subgraph.name));
    const server = await subgraph.createServer(dataSource, identitySecret);
    const listening = await listen(server.handler, Number(process.env.PORT ?? subgraph.defaultPort), process.env.HOST ?? "127.0.0.1");
    log("info", "subgraph.listening", { subgraph: subgraph.name, url: `${listening.url}/graphql` });
    stopOnSignals(async () => {
      await listening.close();
      await server.stop();
      await dataSource.destroy();
    });
  });
}
