import "reflect-metadata";
import { databaseConfigFromEnv, openDatabase } from "../../shared/src/database";
import { listen } from "../../shared/src/http";
import { identitySecretFromEnv } from "../../shared/src/identity";
import { log } from "../../shared/src/log";
import { runMain, stopOnSignals } from "../../shared/src/process";
import { createDirectoryDataSource } from "./database";
import { createDirectoryServer } from "./server";

/** Runs the directory subgraph alone (production: one process per subgraph, many replicas). */
runMain("directory subgraph", async () => {
  const identitySecret = identitySecretFromEnv(); // before opening anything: fail fast
  const dataSource = await openDatabase(createDirectoryDataSource(databaseConfigFromEnv("directory")));
  const server = await createDirectoryServer(dataSource, identitySecret);
  const listening = await listen(server.app, Number(process.env.PORT ?? 4001), process.env.HOST ?? "127.0.0.1");
  log("info", "subgraph.listening", { subgraph: "directory", url: `${listening.url}/graphql` });
  stopOnSignals(async () => {
    await listening.close();
    await server.stop();
    await dataSource.destroy();
  });
});
