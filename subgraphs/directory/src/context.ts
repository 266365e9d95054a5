import type { DataSource } from "typeorm";
import type { RequestBase } from "../../kit/src/subgraph-server";
import type { Loaders } from "./loaders";
import type { Catalogue } from "./loaders/catalogue";
import type { OfficeIndex } from "./nearest/office-index";

export interface DirectoryContext extends RequestBase {
  dataSource: DataSource;
  /** Countries and procedures as of this request (one statement), for fields that name them without a promise. */
  catalogue: Catalogue;
  loaders: Loaders;
  /** Per process, shared by requests: the nearest search's in-memory index. */
  offices: OfficeIndex;
}
