import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { decodeCursor, encodeCursor, pageSize } from "../../../shared/src/pagination";
import type { DirectoryContext } from "../context";
import { Representation } from "../entities";
import { plainMany } from "../loaders/raw-rows";
import { applyRepresentationFilter } from "./representation.query";
import { RepresentationConnection, RepresentationFilter } from "./representation.types";

const CURSOR_KIND = "representation";

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
    const afterId = after === undefined || after === null ? undefined : decodeCursor(CURSOR_KIND, after);
    const base = await applyRepresentationFilter(ctx.dataSource.getRepository(Representation).createQueryBuilder("r"), filter, ctx.loaders);

    const page = base.clone().orderBy("r.id", "ASC").limit(limit + 1); // limit, not take: no joins to paginate
    if (afterId !== undefined) page.andWhere("r.id > :afterId", { afterId });
    // Plain rows, not entities: nothing here is written, and hydration cost more than the SQL.
    const rows = limit === 0 ? [] : await plainMany(ctx.dataSource, Representation, page);
    const nodes = rows.slice(0, limit);
    for (const node of nodes) ctx.loaders.representationById.prime(node.id, node);
    const edges = nodes.map((node) => ({ cursor: encodeCursor(CURSOR_KIND, node.id), node }));
    return {
      edges,
      nodes,
      pageInfo: {
        hasNextPage: rows.length > limit,
        hasPreviousPage: afterId !== undefined,
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
