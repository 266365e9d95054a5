import type { DataSource } from "typeorm";
import { createSubgraphServer, type SubgraphServer } from "../../kit/src/subgraph-server";
import type { ExchangeContext } from "./context";
import { createExchangeLoaders } from "./loaders";
import { buildExchangeSchema } from "./schema";

/** Builds the exchange subgraph's HTTP app on an open database. Never listens. */
export async function createExchangeServer(dataSource: DataSource, identitySecret: string): Promise<SubgraphServer> {
  return createSubgraphServer<ExchangeContext>({
    name: "exchange",
    identitySecret,
    // A batch of 5,000 contacts with a phone and a position each is about 1.5 MB of JSON.
    bodyLimit: "10mb",
    schema: await buildExchangeSchema(),
    context: (base) => ({ ...base, dataSource, loaders: createExchangeLoaders(dataSource, base.identity) }),
  });
}
