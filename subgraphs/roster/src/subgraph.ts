import { openDatabase } from "../../../platform/src/database";
import type { SubgraphParts } from "../../kit/src/subgraph-parts";
import { createRosterDataSource } from "./database";
import { buildRosterSchema } from "./schema";
import { createRosterServer } from "./server";

/** The roster subgraph, as subgraphs/index.ts lists it. */
export const roster: SubgraphParts = { buildSchema: buildRosterSchema, open: (config) => openDatabase(createRosterDataSource(config)), createServer: createRosterServer };
