import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { openDatabase, type DatabaseConfig, type StatementCounter } from "../platform/src/database";
import type { SubgraphServer } from "./kit/src/subgraph-server";
import { createDirectoryDataSource } from "./directory/src/database";
import { warmUpPlaces } from "./directory/src/places/warm-up";
import { buildDirectorySchema } from "./directory/src/schema";
import { createDirectoryServer } from "./directory/src/server";
import { createExchangeDataSource } from "./exchange/src/database";
import { buildExchangeSchema } from "./exchange/src/schema";
import { createExchangeServer } from "./exchange/src/server";
import { createRosterDataSource } from "./roster/src/database";
import { buildRosterSchema } from "./roster/src/schema";
import { createRosterServer } from "./roster/src/server";

export type SubgraphName = "directory" | "roster" | "exchange";
export type SubgraphDataSource = DataSource & { statements: StatementCounter };

/** A subgraph as the rest of the house knows it: the one list (issue 22). */
export interface Subgraph {
  name: SubgraphName;
  /** Where it listens when run alone or in `npm start`, unless told otherwise (`<NAME>_PORT`). */
  defaultPort: number;
  buildSchema(): Promise<GraphQLSchema>;
  /** Opens (and migrates) its database. */
  open(config: DatabaseConfig): Promise<SubgraphDataSource>;
  createServer(dataSource: DataSource, identitySecret: string): Promise<SubgraphServer>;
  /** Loads what its first request must not wait for (run before listening in production); returns the seconds it took. */
  warmUp?(): number;
}

/** The subgraphs the supergraph is composed of, in composition order. */
export const SUBGRAPHS: readonly Subgraph[] = [
  {
    name: "directory",
    defaultPort: 4001,
    buildSchema: buildDirectorySchema,
    open: (config) => openDatabase(createDirectoryDataSource(config)),
    createServer: createDirectoryServer,
    warmUp: warmUpPlaces,
  },
  { name: "roster", defaultPort: 4002, buildSchema: buildRosterSchema, open: (config) => openDatabase(createRosterDataSource(config)), createServer: createRosterServer },
  { name: "exchange", defaultPort: 4003, buildSchema: buildExchangeSchema, open: (config) => openDatabase(createExchangeDataSource(config)), createServer: createExchangeServer },
];

/** A subgraph by name; throws naming the known ones. */
export function subgraphNamed(name: string): Subgraph {
  const found = SUBGRAPHS.find((s) => s.name === name);
  if (!found) throw new Error(`unknown subgraph "${name}": one of ${SUBGRAPHS.map((s) => s.name).join(", ")}`);
  return found;
}
