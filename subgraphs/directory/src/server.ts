import type { DataSource } from "typeorm";
import { createSubgraphServer, type SubgraphServer } from "../../kit/src/subgraph-server";
import type { DirectoryContext } from "./context";
import { createLoaders } from "./loaders";
import { CatalogueCache } from "./loaders/catalogue";
import { OfferCache } from "./loaders/offers";
import { OfficeRowCache } from "./loaders/office-rows";
import { OfficeIndex } from "./nearest/office-index";
import { revisionRoute } from "./resolvers/revision.resolver";
import { buildDirectorySchema } from "./schema";

/** Builds the directory subgraph's HTTP app on an open database. Never listens. */
export async function createDirectoryServer(dataSource: DataSource, identitySecret: string, options = { compiled: true }): Promise<SubgraphServer> {
  const offices = new OfficeIndex(dataSource);
  const catalogues = new CatalogueCache(dataSource);
  const offers = new OfferCache(dataSource);
  const officeRows = new OfficeRowCache(dataSource);
  // Read now, so that the first request pays only for its own statements.
  const now = await catalogues.current();
  await offers.at(now.directoryRevision, now.catalogue);
  await officeRows.at(now.directoryRevision);
  return createSubgraphServer<DirectoryContext>({
    name: "directory",
    identitySecret,
    // Queries compiled (kit/src/compiled-execution.ts); tests/directory/compiled-execution.test.ts compares both.
    compiled: options.compiled,
    schema: await buildDirectorySchema(),
    context: async (base) => {
      const { catalogue, directoryRevision } = await catalogues.current();
      // Queries take office rows held per revision; mutations read the database (operation.readOnly: kit/src/subgraph-server.ts).
      const loaders = createLoaders(dataSource, catalogue, () => (base.operation.readOnly ? officeRows.at(directoryRevision) : undefined));
      return { ...base, dataSource, catalogue, directoryRevision, offers: () => offers.at(directoryRevision, catalogue), loaders, offices };
    },
    routes: (app) => app.get("/revision", revisionRoute(dataSource)),
  });
}
