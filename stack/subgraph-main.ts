import "../platform/src/production-default"; // first: NODE_ENV before graphql-js loads
import "reflect-metadata";
import { runSubgraph } from "../subgraphs/kit/src/run-subgraph";
import { SUBGRAPHS, subgraphNamed } from "../subgraphs";

/**
 * Runs one subgraph alone (production: one process per subgraph, as many replicas as
 * needed): `node dist/stack/subgraph-main.js directory`. Its database from the environment
 * (migrated), IDENTITY_SECRET, PORT (default: the subgraph's own) and HOST; the directory
 * loads its gazetteer before listening.
 */
const name = process.argv[2] ?? "";
if (!SUBGRAPHS.some((s) => s.name === name)) {
  console.error(`usage: node dist/stack/subgraph-main.js <${SUBGRAPHS.map((s) => s.name).join("|")}>${name ? ` ("${name}" is not a subgraph)` : ""}`);
  process.exit(2);
}
const subgraph = subgraphNamed(name);
// Only this subgraph's code is loaded in its process.
void subgraph.load().then((parts) =>
  runSubgraph({
    name: subgraph.name,
    defaultPort: subgraph.defaultPort,
    open: async (config) => {
      const dataSource = await parts.open(config);
      parts.warmUp?.();
      return dataSource;
    },
    createServer: parts.createServer,
  }),
);
