import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { formatDirectorySummary, seedDirectory } from "../seed/src/directory";
import { createDirectoryDataSource } from "../subgraphs/directory/src/database";
import { buildDirectorySchema } from "../subgraphs/directory/src/schema";
import { createDirectoryServer } from "../subgraphs/directory/src/server";
import { createRosterDataSource } from "../subgraphs/roster/src/database";
import { buildRosterSchema } from "../subgraphs/roster/src/schema";
import { createRosterServer } from "../subgraphs/roster/src/server";
import { seedRoster } from "../seed/src/roster";
import { seedExchange } from "../seed/src/exchange";
import { createExchangeDataSource } from "../subgraphs/exchange/src/database";
import { buildExchangeSchema } from "../subgraphs/exchange/src/schema";
import { createExchangeServer } from "../subgraphs/exchange/src/server";
import { openDatabase, type DatabaseConfig, type StatementCounter } from "../platform/src/database";
import type { SubgraphServer } from "../subgraphs/kit/src/subgraph-server";
import type { SubgraphName } from "../platform/src/subgraph-ports";

export type SubgraphDataSource = DataSource & { statements: StatementCounter };

/** Everything the stack needs to know to build, open, seed and serve one subgraph. */
export interface SubgraphModule {
  name: SubgraphName;
  buildSchema(): Promise<GraphQLSchema>;
  open(config: DatabaseConfig): Promise<SubgraphDataSource>;
  /** Idempotent; returns a printable summary. */
  seed(dataSource: DataSource): Promise<string>;
  createServer(dataSource: DataSource, identitySecret: string): Promise<SubgraphServer>;
}

export const SUBGRAPH_MODULES: SubgraphModule[] = [
  {
    name: "directory",
    buildSchema: buildDirectorySchema,
    open: (config) => openDatabase(createDirectoryDataSource(config)),
    seed: async (dataSource) => formatDirectorySummary(await seedDirectory(dataSource)),
    createServer: createDirectoryServer,
  },
  {
    name: "roster",
    buildSchema: buildRosterSchema,
    open: (config) => openDatabase(createRosterDataSource(config)),
    seed: seedRoster,
    createServer: createRosterServer,
  },
  {
    name: "exchange",
    buildSchema: buildExchangeSchema,
    open: (config) => openDatabase(createExchangeDataSource(config)),
    seed: seedExchange,
    createServer: createExchangeServer,
  },
];
