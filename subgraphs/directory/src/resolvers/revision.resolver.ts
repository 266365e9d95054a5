import type { RequestHandler } from "express";
import { Ctx, Query, Resolver } from "type-graphql";
import type { DataSource } from "typeorm";
import type { DirectoryContext } from "../context";

const readRevision = async (dataSource: DataSource): Promise<string> => String((await dataSource.query("SELECT n FROM directory_revision WHERE id = 1"))[0].n);

/**
 * The directory data's revision: a number the database bumps on every write to offices,
 * their jurisdictions and procedures, countries and the procedure catalogue, whoever
 * writes. The gateway keys its cache of public answers on it; any client may poll it to
 * know when to read again. One single-row read.
 */
@Resolver()
export class RevisionResolver {
  @Query(() => String, {
    description: "A number that changes on every write to the directory's public data (offices, jurisdictions, procedures, countries). Public; cheap to poll.",
  })
  async directoryRevision(@Ctx() ctx: DirectoryContext): Promise<string> {
    return readRevision(ctx.dataSource);
  }
}

/**
 * The same number at `GET /revision` (`{"directoryRevision":"42"}`), without GraphQL's
 * pipeline: the gateway reads it for every round of anonymous requests, so its cost is
 * part of every cached answer's. Public, like the field: no identity needed.
 */
export const revisionRoute =
  (dataSource: DataSource): RequestHandler =>
  async (_req, res, next) => {
    try {
      // Written directly: res.json would hash every answer for an ETag nobody sends back.
      const body = `{"directoryRevision":${JSON.stringify(await readRevision(dataSource))}}`;
      res.writeHead(200, ["cache-control", "no-store", "content-type", "application/json; charset=utf-8", "content-length", String(Buffer.byteLength(body))]);
      res.end(body);
    } catch (error) {
      next(error);
    }
  };
