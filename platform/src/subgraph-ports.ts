/** The subgraphs the supergraph is composed of, and the port each listens on by default. */
export const DEFAULT_PORTS = { directory: 4001, roster: 4002, exchange: 4003 } as const;

export type SubgraphName = keyof typeof DEFAULT_PORTS;

export const SUBGRAPHS = (Object.keys(DEFAULT_PORTS) as SubgraphName[]).map((name) => ({ name, defaultPort: DEFAULT_PORTS[name] }));
