import "reflect-metadata";
import { databaseConfigFromEnv, openDatabase } from "../../shared/src/database";
import { listen } from "../../shared/src/http";
import { identitySecretFromEnv } from "../../shared/src/identity";
import { log } from "../../shared/src/log";
import { runMain, stopOnSignals } from "../../shared/src/process";
import { createRosterDataSource } from "./database";
import { createRosterServer } from "./server";

/** Runs the roster subgraph alone (production: one process per subgraph, many replicas). */
runMain("roster subgraph", async () => {
  const identitySecret = identitySecretFromEnv();
  const dataSource = await openDatabase(createRosterDataSource(databaseConfigFromEnv("roster")));
  const server = await createRosterServer(dataSource, identitySecret);
  const listening = await listen(server.app, Number(process.env.PORT ?? 4002), process.env.HOST ?? "127.0.0.1");
  log("info", "subgraph.listening", { subgraph: "roster", url: `${listening.url}/graphql` });
  stopOnSignals(async () => {
    await listening.close();
    await server.stop();
    await dataSource.destroy();
  });
});
