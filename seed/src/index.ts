import type { DataSource } from "typeorm";
import type { SubgraphName } from "../../subgraphs";
import { formatDirectorySummary, seedDirectory } from "./directory";
import { seedExchange } from "./exchange";
import { seedRoster } from "./roster";

/** Each subgraph's seed: idempotent, returns a printable summary. The one list of seeds (issue 22). */
export const SEEDS: Record<SubgraphName, (dataSource: DataSource) => Promise<string>> = {
  directory: async (dataSource) => formatDirectorySummary(await seedDirectory(dataSource)),
  roster: seedRoster,
  exchange: seedExchange,
};
