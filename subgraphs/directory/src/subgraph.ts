import { openDatabase } from "../../../platform/src/database";
import type { SubgraphParts } from "../../kit/src/subgraph-parts";
import { createDirectoryDataSource } from "./database";
import { warmUpPlaces } from "./places/warm-up";
import { buildDirectorySchema } from "./schema";
import { createDirectoryServer } from "./server";

/** The directory subgraph, as subgraphs/index.ts lists it. */
export const directory: SubgraphParts = {
  buildSchema: buildDirectorySchema,
  open: (config) => openDatabase(createDirectoryDataSource(config)),
  createServer: createDirectoryServer,
  warmUp: warmUpPlaces,
};
