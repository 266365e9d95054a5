import type { SubgraphParts } from "./kit/src/subgraph-parts";

export type { SubgraphDataSource, SubgraphParts } from "./kit/src/subgraph-parts";
export type SubgraphName = "directory" | "roster" | "exchange";

/**
 * A subgraph as the rest of the house knows it: the one list (issue 22). Its parts are
 * loaded on demand, so that a process loads the code of the subgraphs it runs only: the
 * gateway and the composition need names and ports, a subgraph's own process its own code.
 */
export interface Subgraph {
  name: SubgraphName;
  /** Where it listens when run alone or in `npm start`, unless told otherwise (`<NAME>_PORT`). */
  defaultPort: number;
  load(): Promise<SubgraphParts>;
}

/** The subgraphs the supergraph is composed of, in composition order. */
export const SUBGRAPHS: readonly Subgraph[] = [
  { name: "directory", defaultPort: 4001, load: async () => (await import("./directory/src/subgraph.js")).directory },
  { name: "roster", defaultPort: 4002, load: async () => (await import("./roster/src/subgraph.js")).roster },
  { name: "exchange", defaultPort: 4003, load: async () => (await import("./exchange/src/subgraph.js")).exchange },
];

/** A subgraph by name; throws naming the known ones. */
export function subgraphNamed(name: string): Subgraph {
  const found = SUBGRAPHS.find((s) => s.name === name);
  if (!found) throw new Error(`unknown subgraph "${name}": one of ${SUBGRAPHS.map((s) => s.name).join(", ")}`);
  return found;
}
