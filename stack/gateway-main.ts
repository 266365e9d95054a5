import "../platform/src/production-default"; // first: NODE_ENV before graphql-js loads
import "reflect-metadata";
import { readFileSync } from "node:fs";
import { databaseConfigFromEnv } from "../platform/src/database";
import { listen } from "../platform/src/http";
import { identitySecretFromEnv } from "../platform/src/identity";
import { log } from "../platform/src/log";
import { runMain, stopOnSignals } from "../platform/src/process";
import { KeyStore } from "../gateway/src/auth/key-store";
import { corsOriginsFromEnv } from "../gateway/src/cors";
import { limitsFromEnv } from "../gateway/src/limits";
import { SUPERGRAPH_PATH } from "../platform/src/paths";
import { createGatewayWithPages } from "./pages";
import { SUBGRAPHS } from "../subgraphs";
import { subgraphUrlsFromEnv } from "../gateway/src/subgraph-urls";

/** Runs the gateway (with the web pages) alone, in front of subgraphs that run elsewhere (`<NAME>_URL`): `node dist/stack/gateway-main.js`. */
runMain("gateway", async () => {
  const identitySecret = identitySecretFromEnv(); // before opening anything: fail fast
  const keys = await KeyStore.open(databaseConfigFromEnv("gateway"));
  const gateway = await createGatewayWithPages({
    keys,
    identitySecret,
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, "utf8"),
    subgraphUrls: subgraphUrlsFromEnv(SUBGRAPHS),
    limits: limitsFromEnv(),
    corsOrigins: corsOriginsFromEnv(),
  });
  const listening = await listen(gateway.handler, Number(process.env.PORT ?? 4000), process.env.HOST ?? "127.0.0.1");
  log("info", "gateway.listening", { playground: `${listening.url}/graphql` });
  stopOnSignals(async () => {
    await listening.close();
    await gateway.stop();
    await keys.close();
  });
});
