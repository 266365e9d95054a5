import type { Request } from "express";
import type { Api } from "../api/graphql";
import { Layout, localHref, type PageContext } from "../components/layout";
import type { PageResult } from "../http/page";
import { DirectoryFilters, DirectoryTables, Pager, directoryQuery, loadDirectory } from "./directory";

/**
 * /embed?host=CR&sender=HT&lang=en: the directory for a frame on the CRM site (docs/web.md,
 * "Embedding the directory"): no site header, links open the full page in a new tab. Only
 * origins in WEB_FRAME_ORIGINS may frame it (the route says so: web/src/index.ts).
 */
export async function embedPage(ctx: PageContext, api: Api, req: Request): Promise<PageResult> {
  const q = directoryQuery(req.query);
  const loaded = await loadDirectory(api, ctx, q, 20);
  const { t } = ctx;
  const title = t("directory.title");
  return {
    title,
    body: (
      <Layout ctx={ctx} title={title} embed>
        <h1 class="embed-title">{title}</h1>
        <DirectoryFilters ctx={ctx} q={q} choices={loaded.choices} action="/embed" embed />
        {loaded.page && (
          <>
            <p class="count" role="status" data-count={loaded.page.totalCount}>
              {t(loaded.page.totalCount === 1 ? "directory.countOne" : "directory.count", { count: loaded.page.totalCount })}
            </p>
            <DirectoryTables ctx={ctx} page={loaded.page} procedures={loaded.choices?.procedures ?? []} officeHref={(id) => localHref(ctx, `/offices/${encodeURIComponent(id)}`)} />
            <Pager ctx={ctx} path="/embed" q={q} hasNext={loaded.page.pageInfo.hasNextPage} endCursor={loaded.page.pageInfo.endCursor} extra={{ embed: "1" }} />
          </>
        )}
        <p class="embed-credit">
          <a href={localHref(ctx, "/", { host: q.host, sender: q.sender })} target="_blank" rel="noopener">
            {t("embed.openFull")}
          </a>
        </p>
      </Layout>
    ),
  };
}
