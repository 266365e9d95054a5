import type { DataSource } from "typeorm";
import type { RequestBase } from "../../shared/src/subgraph-server";
import type { Loaders } from "./loaders";

export interface DirectoryContext extends RequestBase {
  dataSource: DataSource;
  loaders: Loaders;
}
