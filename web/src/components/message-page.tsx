import { Layout, type PageContext } from "./layout";
import type { PageResult } from "../http/page-result";

/** A short page that says one thing (403s, a refused form), never shared-cached. */
export function messagePage(ctx: PageContext, status: number, title: string, message: string, link?: { href: string; text: string }): PageResult {
  return {
    title,
    status,
    shared: false,
    body: (
      <Layout ctx={ctx} title={title}>
        <h1>{title}</h1>
        <p>{message}</p>
        {link && (
          <p>
            <a href={link.href}>{link.text}</a>
          </p>
        )}
      </Layout>
    ),
  };
}
