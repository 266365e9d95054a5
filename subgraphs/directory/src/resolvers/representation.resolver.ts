import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { BadUserInputError } from "../../../../platform/src/errors";
import { decodeCursor, encodeCursor, pageSize } from "../../../kit/src/pagination";
import type { DirectoryContext } from "../context";
import { Representation } from "../entities";
import { orderByRelevance } from "../search/full-text";
import { searchTerms } from "../search/search-terms";
import { applyRepresentationFilter } from "./representation.query";
import { RepresentationConnection, RepresentationFilter } from "./representation.types";

const CURSOR_KIND = "representation";
/** A text search is ordered by relevance, not id: its cursor is a position in that order. */
const SEARCH_CURSOR_KIND = "representation-search";

@Resolver(() => Representation)
export class RepresentationResolver {
  @Query(() => RepresentationConnection, { description: "Embassies, consulates and other offices, filtered, a page at a time." })
  async representations(
    @Ctx() ctx: DirectoryContext,
    @Arg("filter", () => RepresentationFilter, { nullable: true }) filter?: RepresentationFilter,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 0 to 100; default 20." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "endCursor of the previous page." }) after?: string,
  ): Promise<RepresentationConnection> {
    const limit = pageSize(first);
    const ranked = searchTerms(filter?.text, "filter.text").length > 0;
    const position = ranked && after !== undefined && after !== null ? offsetOf(decodeCursor(SEARCH_CURSOR_KIND, after)) : undefined;
    const afterId = !ranked && after !== undefined && after !== null ? decodeCursor(CURSOR_KIND, after) : undefined;
    const base = await applyRepresentationFilter(ctx.dataSource.getRepository(Representation).createQueryBuilder("r"), filter, ctx.loaders);

    const page = (ranked ? orderByRelevance(base.clone()) : base.clone().orderBy("r.id", "ASC")).limit(limit + 1); // limit, not take: no joins to paginate
    if (afterId !== undefined) page.andWhere("r.id > :afterId", { afterId });
    if (position !== undefined) page.offset(position);
    // Only the page's ids from SQL; the rows are held per revision (loaders/office-rows.ts).
    const ids = limit === 0 ? [] : (await page.select("r.id", "id").getRawMany<{ id: string }>()).map((row) => row.id);
    const loaded = await ctx.loaders.representationById.loadMany(ids.slice(0, limit));
    const failed = loaded.find((node) => node instanceof Error);
    if (failed) throw failed; // a failed read is an error, never a shorter page
    // An office deleted since its id was read is left out, as it would have been a moment later.
    const nodes = loaded.filter((node): node is Representation => node !== null && !(node instanceof Error));
    const start = position ?? 0;
    const edges = nodes.map((node, i) => ({ cursor: ranked ? encodeCursor(SEARCH_CURSOR_KIND, String(start + i + 1)) : encodeCursor(CURSOR_KIND, node.id), node }));
    return {
      edges,
      nodes,
      pageInfo: {
        hasNextPage: ids.length > limit,
        hasPreviousPage: afterId !== undefined || (position ?? 0) > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      count: () => base.getCount(),
    };
  }

  @Query(() => Representation, { nullable: true, description: "An office by id; null when there is none." })
  async representation(@Ctx() ctx: DirectoryContext, @Arg("id", () => ID) id: string): Promise<Representation | null> {
    return ctx.loaders.representationById.load(id);
  }
}

/** A search cursor holds how many results came before the next page. */
function offsetOf(key: string): number {
  const n = Number(key);
  if (!Number.isSafeInteger(n) || n < 0) throw new BadUserInputError("after", "is not a valid cursor for this list; use a cursor returned by this query");
  return n;
}
