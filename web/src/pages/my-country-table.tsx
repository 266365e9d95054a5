import type { Request, Response } from "express";
import { CountryTableSubmissionsDocument, type SubmitCountryTableMutation } from "../../../operations/generated/graphql";
import type { Api } from "../api/graphql";
import { Layout, localHref, type PageContext } from "../components/layout";
import { messagePage } from "../components/message-page";
import { TableReport } from "../components/table-report";
import { maxTableFileBytes, readBody, readTableFile, submitRows } from "../country-tables/routes";
import { WorkbookRefused } from "../country-tables/workbook";
import { countryName } from "../format/office";
import type { MessageKey } from "../i18n";
import type { PageResult } from "../http/page";
import { sameOrigin, sameToken } from "../session/checks";
import { refusedForm } from "../session/guard";
import { SubmissionSummary } from "./country-table-submissions";

type Report = NonNullable<SubmitCountryTableMutation["submitCountryTable"]>;

/** What the page says after a file was sent: the report, or why the file itself was refused. */
interface Outcome {
  report?: Report;
  refused?: string;
}

/**
 * /me/country-table (issue 21): an official's own country's table. Download it (Excel or
 * CSV), fill it in, send it back: preview first (nothing is recorded), then send; the
 * secretariat reviews and applies it. The country's earlier tables below, with what became
 * of each.
 */
export async function myCountryTablePage(ctx: PageContext, api: Api, _req: Request, outcome: Outcome = {}, status?: number): Promise<PageResult> {
  const { t, lang } = ctx;
  const country = ctx.viewer.country ?? "";
  const title = t("myTable.title", { country: countryName(country, lang) });
  const answer = await api.run(CountryTableSubmissionsDocument, { first: 20 }, { lang });
  if (!answer.data) return messagePage(ctx, 502, title, t("error.unavailable"));
  const { report, refused } = outcome;
  return {
    title,
    status,
    shared: false,
    body: (
      <Layout ctx={ctx} title={title}>
        <h1>{title}</h1>
        <p class="lead">{t("myTable.intro")}</p>
        <p>
          <a href={localHref(ctx, `/country-tables/${country}.xlsx`)} download>
            {t("myTable.download")}
          </a>{" "}
          ·{" "}
          <a href={localHref(ctx, `/country-tables/${country}.csv`)} download>
            {t("myTable.downloadCsv")}
          </a>
        </p>
        {refused && (
          <p class="notice error" role="alert">
            {refused}
          </p>
        )}
        {report && (
          <section aria-labelledby="report-title">
            <h2 id="report-title">{t("myTable.report")}</h2>
            <p class={report.diff.rejected.length ? "notice error" : "notice ok"} role={report.diff.rejected.length ? "alert" : "status"}>
              {t(report.diff.rejected.length ? "myTable.refused" : report.recorded ? "myTable.recorded" : "myTable.previewed")}
            </p>
            <TableReport ctx={ctx} diff={report.diff} id="report" />
          </section>
        )}
        <form method="post" action={localHref(ctx, "/me/country-table")} enctype="multipart/form-data" class="upload">
          <input type="hidden" name="csrf" value={ctx.viewer.csrf} />
          <p class="field">
            <label for="table-file">{t("myTable.file")}</label>
            <input id="table-file" name="file" type="file" accept=".xlsx,.csv" required />
          </p>
          <p class="check">
            <input id="dry-run" name="dryRun" type="checkbox" value="1" checked={!report || !report.dryRun ? true : false} />
            <label for="dry-run">{t("myTable.dryRun")}</label>
          </p>
          <button type="submit">{t("myTable.send")}</button>
        </form>
        <h2>{t("myTable.past")}</h2>
        {answer.data.countryTableSubmissions.length === 0 ? (
          <p class="muted">{t("submission.empty")}</p>
        ) : (
          <ul class="plain submissions">
            {answer.data.countryTableSubmissions.map((s) => (
              <SubmissionSummary ctx={ctx} s={s} />
            ))}
          </ul>
        )}
      </Layout>
    ),
  };
}

/** A refused file in the page's language (the workbook's refusals by code). */
function fileRefusal(ctx: PageContext, error: unknown): string | undefined {
  if (error instanceof WorkbookRefused) return ctx.t(`tableFile.${error.code}` as MessageKey, { sheet: error.where?.sheet ?? "", cell: error.where?.cell ?? "" });
  if (error instanceof Error && error.name === "TableFileError") return ctx.t("tableFile.NOT_A_WORKBOOK");
  return undefined;
}

/**
 * POST /me/country-table: the filled table as a form's file (multipart, parsed by the
 * platform's own FormData), the session's token in the form; preview unless unticked.
 */
export async function sendMyCountryTable(ctx: PageContext, api: Api, req: Request, _res: Response): Promise<PageResult | undefined> {
  const max = maxTableFileBytes();
  const body = await readBody(req, max + 64 * 1024);
  if (body === "too-large") return myCountryTablePage(ctx, api, req, { refused: ctx.t("tableFile.TOO_LARGE") }, 413);
  let form: FormData;
  try {
    form = await new globalThis.Request("http://local/", { method: "POST", headers: { "content-type": String(req.headers["content-type"] ?? "") }, body: new Uint8Array(body) }).formData();
  } catch {
    return myCountryTablePage(ctx, api, req, { refused: ctx.t("tableFile.NOT_A_WORKBOOK") }, 400);
  }
  if (!sameOrigin(req) || !sameToken(String(form.get("csrf") ?? ""), ctx.viewer.csrf)) return refusedForm(ctx);
  if (ctx.viewer.role !== "OFFICIAL" || !ctx.viewer.country) return refusedForm(ctx);
  const file = form.get("file");
  if (!(file instanceof File) || !file.size) return myCountryTablePage(ctx, api, req, { refused: ctx.t("tableFile.NOT_A_WORKBOOK") }, 400);
  if (file.size > max) return myCountryTablePage(ctx, api, req, { refused: ctx.t("tableFile.TOO_LARGE") }, 413);
  const ext = /\.csv$/i.test(file.name) ? "csv" : "xlsx";
  let table;
  try {
    table = await readTableFile(Buffer.from(await file.arrayBuffer()), ext, file.name);
  } catch (error) {
    const refused = fileRefusal(ctx, error);
    if (refused) return myCountryTablePage(ctx, api, req, { refused }, 422);
    throw error;
  }
  const dryRun = form.get("dryRun") === "1";
  if (table.problems.length) {
    const report: Report = {
      dryRun,
      recorded: false,
      submission: null,
      diff: { created: [], changed: [], unchanged: [], rejected: table.problems.map((p) => ({ ...p, value: p.value ?? null, fix: p.fix ?? null })) },
    };
    return myCountryTablePage(ctx, api, req, { report }, 422);
  }
  const answer = await submitRows(api, ctx.viewer.country, table.rows, dryRun, file.name.slice(0, 200), ctx.lang);
  const report = answer.data?.submitCountryTable;
  if (!report) return myCountryTablePage(ctx, api, req, { refused: ctx.t("report.failed") }, 502);
  return myCountryTablePage(ctx, api, req, { report }, report.diff.rejected.length ? 422 : 200);
}
