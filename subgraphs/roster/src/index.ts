import "../../../platform/src/production-default"; // first: NODE_ENV before graphql-js loads
import "reflect-metadata";
import { openDatabase } from "../../../platform/src/database";
import { runSubgraph } from "../../kit/src/run-subgraph";
import { createRosterDataSource } from "./database";
import { createRosterServer } from "./server";

/** Runs the roster subgraph alone (production: one process per subgraph, many replicas). */
runSubgraph({ name: "roster", open: (config) => openDatabase(createRosterDataSource(config)), createServer: createRosterServer });
