import type { DataSource } from "typeorm";
import { createSubgraphServer, type SubgraphServer } from "../../kit/src/subgraph-server";
import type { DirectoryContext } from "./context";
import { createLoaders } from "./loaders";
import { OfficeIndex } from "./nearest/office-index";
import { revisionRoute } from "./resolvers/revision.resolver";
import { buildDirectorySchema } from "./schema";

/** Builds the directory subgraph's HTTP app on an open database. Never listens. */
export async function createDirectoryServer(dataSource: DataSource, identitySecret: string): Promise<SubgraphServer> {
  const offices = new OfficeIndex(dataSource);
  return createSubgraphServer<DirectoryContext>({
    name: "directory",
    identitySecret,
    schema: await buildDirectorySchema(),
    context: (base) => ({ ...base, dataSource, loaders: createLoaders(dataSource), offices }),
    routes: (app) => app.get("/revision", revisionRoute(dataSource)),
  });
}
