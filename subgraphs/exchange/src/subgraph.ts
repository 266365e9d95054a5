import { openDatabase } from "../../../platform/src/database";
import type { SubgraphParts } from "../../kit/src/subgraph-parts";
import { createExchangeDataSource } from "./database";
import { buildExchangeSchema } from "./schema";
import { createExchangeServer } from "./server";

/** The exchange subgraph, as subgraphs/index.ts lists it. */
export const exchange: SubgraphParts = { buildSchema: buildExchangeSchema, open: (config) => openDatabase(createExchangeDataSource(config)), createServer: createExchangeServer };
