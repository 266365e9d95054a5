import { Ctx, Query, Resolver } from "type-graphql";
import type { DirectoryContext } from "../context";

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
    const [{ n }] = await ctx.dataSource.query("SELECT n FROM directory_revision WHERE id = 1");
    return String(n);
  }
}
