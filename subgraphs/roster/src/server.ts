import type { DataSource } from "typeorm";
import { createSubgraphServer, type SubgraphServer } from "../../kit/src/subgraph-server";
import type { RosterContext } from "./context";
import { createRosterLoaders } from "./loaders";
import { buildRosterSchema } from "./schema";
import { scheduleHousekeeping } from "./housekeeping";

/** Builds the roster subgraph's HTTP handler on an open database, and ends lapsed terms on the hour. Never listens. */
export async function createRosterServer(dataSource: DataSource, identitySecret: string): Promise<SubgraphServer> {
  const server = await createSubgraphServer<RosterContext>({
    name: "roster",
    identitySecret,
    schema: await buildRosterSchema(),
    context: (base) => ({ ...base, dataSource, loaders: createRosterLoaders(dataSource, base.identity) }),
  });
  const stopHousekeeping = scheduleHousekeeping(dataSource);
  return {
    handler: server.handler,
    stop: async () => {
      stopHousekeeping();
      await server.stop();
    },
  };
}
