import "../../shared/src/production-default"; // first: NODE_ENV before graphql-js loads
import "reflect-metadata";
import { openDatabase } from "../../shared/src/database";
import { runSubgraph } from "../../shared/src/run-subgraph";
import { createDirectoryDataSource } from "./database";
import { createDirectoryServer } from "./server";

/** Runs the directory subgraph alone (production: one process per subgraph, many replicas). */
runSubgraph({ name: "directory", open: (config) => openDatabase(createDirectoryDataSource(config)), createServer: createDirectoryServer });
