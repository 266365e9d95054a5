import "../../../platform/src/production-default"; // first: NODE_ENV before graphql-js loads
import "reflect-metadata";
import { openDatabase } from "../../../platform/src/database";
import { runSubgraph } from "../../kit/src/run-subgraph";
import { createDirectoryDataSource } from "./database";
import { warmUpPlaces } from "./places/warm-up";
import { createDirectoryServer } from "./server";

/** Runs the directory subgraph alone (production: one process per subgraph, many replicas). */
runSubgraph({
  name: "directory",
  open: async (config) => {
    const dataSource = await openDatabase(createDirectoryDataSource(config));
    warmUpPlaces(); // before listening: the first place query must not wait for the gazetteer
    return dataSource;
  },
  createServer: createDirectoryServer,
});
