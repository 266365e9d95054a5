import type { DataSource } from "typeorm";
import type { RequestBase } from "../../kit/src/subgraph-server";
import type { Loaders } from "./loaders";
import type { Catalogue } from "./loaders/catalogue";
import type { OffersByOffice } from "./loaders/offers";
import type { OfficeIndex } from "./nearest/office-index";

export interface DirectoryContext extends RequestBase {
  dataSource: DataSource;
  /** Countries and procedures as of this request (one statement), for fields that name them without a promise. */
  catalogue: Catalogue;
  /** The directory's revision as this request began (read with the catalogue, one statement). */
  directoryRevision: string;
  /** Every office's procedure offers as of this request's revision, held per revision (offers.ts); reads only. */
  offers(): OffersByOffice | Promise<OffersByOffice>;
  loaders: Loaders;
  /** Per process, shared by requests: the nearest search's in-memory index. */
  offices: OfficeIndex;
}
