import type { DataSource } from "typeorm";
import type { RequestBase } from "../../kit/src/subgraph-server";
import type { ExchangeLoaders } from "./loaders";

export interface ExchangeContext extends RequestBase {
  dataSource: DataSource;
  loaders: ExchangeLoaders;
}
