import type { Request, Response } from "express";
import { CountryTablesDocument, type CountryTablesQuery } from "../../../operations/generated/graphql";
import type { Api } from "../api/graphql";
import { Layout, localHref, type PageContext } from "../components/layout";
import { messagePage } from "../components/message-page";
import { dateInWords } from "../format/office";
import type { PageResult } from "../http/page";
import { toCsv } from "../../../platform/src/contact-card/csv";
import { gqlLang } from "../i18n";

type Row = CountryTablesQuery["countryTables"][number];

async function load(api: Api, ctx: PageContext): Promise<{ rows: Row[]; name: (code: string) => string } | null> {
  const answer = await api.run(CountryTablesDocument, { lang: gqlLang(ctx.lang) }, { lang: ctx.lang });
  if (!answer.data) return null;
  const names = new Map(answer.data.countries.map((c) => [c.code, c.name]));
  return { rows: answer.data.countryTables, name: (code) => names.get(code) ?? code };
}

/**
 * /secretariat/country-tables (issue 21, point 4): per CRM member state, the offices it
 * hosts, verified and confirmed by its officials in the last 12 months, with a phone, with
 * confirmed procedures, and its last confirmation — oldest first, the reminder list.
 */
export async function countryTablesPage(ctx: PageContext, api: Api): Promise<PageResult> {
  const { t, lang } = ctx;
  const title = t("tables.title");
  const loaded = await load(api, ctx);
  if (!loaded) return messagePage(ctx, 502, title, t("error.unavailable"));
  return {
    title,
    shared: false,
    body: (
      <Layout ctx={ctx} title={title}>
        <h1>{title}</h1>
        <p class="lead">{t("tables.intro")}</p>
        <p>
          <a href={localHref(ctx, "/secretariat/country-tables.csv")} download>
            {t("tables.csv")}
          </a>
        </p>
        <div class="scroll" role="region" aria-labelledby="tables-caption" tabindex={0}>
          <table>
            <caption id="tables-caption">{t("tables.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tables.country")}</th>
                <th scope="col">{t("tables.offices")}</th>
                <th scope="col">{t("tables.verified")}</th>
                <th scope="col">{t("tables.confirmed")}</th>
                <th scope="col">{t("tables.withPhone")}</th>
                <th scope="col">{t("tables.withProcedures")}</th>
                <th scope="col">{t("tables.lastConfirmed")}</th>
                <th scope="col">{t("tables.lastSubmitted")}</th>
                <th scope="col">{t("tables.download")}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.rows.map((r) => (
                <tr data-country={r.country}>
                  <th scope="row">{loaded.name(r.country)}</th>
                  <td>{r.offices}</td>
                  <td>{r.verifiedLast12Months}</td>
                  <td>{r.confirmedByCountryLast12Months}</td>
                  <td>{r.withPhone}</td>
                  <td>{r.withConfirmedProcedures}</td>
                  <td>{dateInWords(r.lastConfirmedOn, lang) ?? <span class="muted">{t("tables.never")}</span>}</td>
                  <td>{dateInWords(r.lastSubmittedOn, lang) ?? <span class="muted">{t("tables.never")}</span>}</td>
                  <td>
                    <a href={localHref(ctx, `/country-tables/${r.country}.xlsx`)} download>
                      .xlsx
                    </a>{" "}
                    ·{" "}
                    <a href={localHref(ctx, `/country-tables/${r.country}.csv`)} download>
                      .csv
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Layout>
    ),
  };
}

/** GET /secretariat/country-tables.csv: the same table, oldest first, for a reminder mailing. */
export async function countryTablesCsv(ctx: PageContext, api: Api, _req: Request, res: Response): Promise<PageResult | undefined> {
  const loaded = await load(api, ctx);
  if (!loaded) return messagePage(ctx, 502, ctx.t("tables.title"), ctx.t("error.unavailable"));
  const csv = toCsv(
    ["country", "name", "offices", "verified_last_12_months", "confirmed_by_country_last_12_months", "with_phone", "with_confirmed_procedures", "last_confirmed_on", "last_submitted_on"],
    loaded.rows.map((r) => [
      r.country,
      loaded.name(r.country),
      String(r.offices),
      String(r.verifiedLast12Months),
      String(r.confirmedByCountryLast12Months),
      String(r.withPhone),
      String(r.withConfirmedProcedures),
      r.lastConfirmedOn ?? "",
      r.lastSubmittedOn ?? "",
    ]),
  );
  res.setHeader("content-type", "text/csv; charset=utf-8");
  res.setHeader("content-disposition", 'attachment; filename="enlace-country-tables.csv"');
  res.setHeader("cache-control", "private, no-store");
  res.end(`\uFEFF${csv}`);
  return undefined;
}
