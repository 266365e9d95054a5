import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import type { DatabaseConfig, StatementCounter } from "../../../platform/src/database";
import type { SubgraphServer } from "./subgraph-server";

export type SubgraphDataSource = DataSource & { statements: StatementCounter };

/** What a subgraph gives the stack (its src/subgraph.ts): loaded only by the processes that run it. */
export interface SubgraphParts {
  buildSchema(): Promise<GraphQLSchema>;
  /** Opens (and migrates) its database. */
  open(config: DatabaseConfig): Promise<SubgraphDataSource>;
  createServer(dataSource: DataSource, identitySecret: string): Promise<SubgraphServer>;
  /** Loads what its first request must not wait for (run before listening in production); returns the seconds it took. */
  warmUp?(): number;
}
