import type { DataSource } from "typeorm";
import { createSubgraphServer, type SubgraphServer } from "../../shared/src/subgraph-server";
import type { RosterContext } from "./context";
import { createRosterLoaders } from "./loaders";
import { buildRosterSchema } from "./schema";

/** Builds the roster subgraph's HTTP app on an open database. Never listens. */
export async function createRosterServer(dataSource: DataSource, identitySecret: string): Promise<SubgraphServer> {
  return createSubgraphServer<RosterContext>({
    name: "roster",
    identitySecret,
    schema: await buildRosterSchema(),
    context: (base) => ({ ...base, dataSource, loaders: createRosterLoaders(dataSource, base.identity) }),
  });
}
