import type { DataSource } from "typeorm";
import type { RequestBase } from "../../kit/src/subgraph-server";
import type { RosterLoaders } from "./loaders";

export interface RosterContext extends RequestBase {
  dataSource: DataSource;
  loaders: RosterLoaders;
}
