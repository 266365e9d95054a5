import { readFileSync } from "node:fs";
import { databaseConfigFromEnv } from "../../subgraphs/shared/src/database";
import { listen } from "../../subgraphs/shared/src/http";
import { identitySecretFromEnv } from "../../subgraphs/shared/src/identity";
import { KeyStore } from "./auth/key-store";
import { log } from "../../subgraphs/shared/src/log";
import { limitsFromEnv } from "./limits";
import { SUPERGRAPH_PATH } from "./paths";
import { createGateway } from "./server";
import { subgraphUrlsFromEnv } from "./subgraph-urls";

/** Runs the gateway alone, in front of subgraphs that run elsewhere (`<NAME>_URL`). */
async function main(): Promise<void> {
  const identitySecret = identitySecretFromEnv();
  const keys = await KeyStore.open(databaseConfigFromEnv("gateway"));
  const gateway = await createGateway({
    keys,
    identitySecret,
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, "utf8"),
    subgraphUrls: subgraphUrlsFromEnv(),
    limits: limitsFromEnv(),
  });
  const listening = await listen(gateway.app, Number(process.env.PORT ?? 4000), process.env.HOST ?? "127.0.0.1");
  log("info", "gateway.listening", { playground: `${listening.url}/graphql` });
  const stop = async () => {
    await listening.close();
    await gateway.stop();
    await keys.close();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
