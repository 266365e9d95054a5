import { Layout, localHref, type PageContext } from "../components/layout";
import type { PageResult } from "../http/page";
import { CSV_COLUMNS, LICENCE } from "../open-data/export";

/** /open-data: where the files are, their licence, columns and sources. */
export async function openDataPage(ctx: PageContext): Promise<PageResult> {
  const { t } = ctx;
  const title = t("openData.title");
  return {
    title,
    body: (
      <Layout ctx={ctx} title={title}>
        <h1>{title}</h1>
        <p>{t("openData.intro")}</p>
        <ul>
          <li>
            <a href={localHref(ctx, "/directory.csv")}>/directory.csv</a> — {t("openData.csv")}
          </li>
          <li>
            <a href={localHref(ctx, "/directory.json")}>/directory.json</a> — {t("openData.json")}
          </li>
        </ul>
        <p>{t("openData.filters")}</p>
        <h2>{t("openData.licence")}</h2>
        <p>
          {t("openData.licenceText")} <a href={LICENCE.licenceUrl}>CC0 1.0</a>
        </p>
        <h2>{t("openData.columns")}</h2>
        <p>
          <code>{CSV_COLUMNS.join(", ")}</code>
        </p>
      </Layout>
    ),
  };
}
