import "../../../platform/src/production-default"; // first: NODE_ENV before graphql-js loads
import "reflect-metadata";
import { openDatabase } from "../../../platform/src/database";
import { runSubgraph } from "../../kit/src/run-subgraph";
import { createExchangeDataSource } from "./database";
import { createExchangeServer } from "./server";

/** Runs the exchange subgraph alone (production: one process per subgraph, many replicas). */
runSubgraph({ name: "exchange", open: (config) => openDatabase(createExchangeDataSource(config)), createServer: createExchangeServer });
