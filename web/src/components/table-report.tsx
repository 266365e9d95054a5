import type { TableDiffFragment } from "../../../operations/generated/graphql";
import { hoursInWords } from "../format/office";
import { localHref, type PageContext } from "./layout";
import { CATALOGS, type MessageKey } from "../i18n";

const parse = (json: string | null | undefined): unknown => (json === null || json === undefined ? null : JSON.parse(json));

/** A table's value in words: lists joined, opening hours said, nothing as a dash. */
function valueText(ctx: PageContext, field: string, json: string | null | undefined): string {
  const value = parse(json);
  if (value === null || value === "" || (Array.isArray(value) && !value.length)) return "—";
  if (field === "opening_hours" && typeof value === "string") return `${value} (${hoursInWords(value, ctx.lang) ?? value})`;
  return Array.isArray(value) ? value.join("; ") : String(value);
}

/** A refused cell in the page's language, from its code (the API's English reason when a code is new to the pages). */
function problemInWords(ctx: PageContext, p: { column: string; code: string; value?: string | null; fix?: string | null; reason: string }): string {
  const key = (p.code === "INVALID" && CATALOGS.es[`tableProblem.INVALID.${p.column}`] ? `tableProblem.INVALID.${p.column}` : `tableProblem.${p.code}`) as MessageKey;
  return CATALOGS.es[key] ? ctx.t(key, { value: p.value ?? "", fix: p.fix ?? "" }) : p.reason;
}

/**
 * What a country's table changes (issue 21): refused cells first (row, column, why, the fix
 * offered), then the offices it adds (flagged for review), then each change with the
 * directory's value and the table's. The same on the official's and the secretariat's pages.
 */
export function TableReport(props: { ctx: PageContext; diff: TableDiffFragment; id: string }) {
  const { ctx, diff, id } = props;
  const { t } = ctx;
  return (
    <div class="table-report">
      {diff.rejected.length > 0 && (
        <div class="scroll" role="region" tabindex={0} aria-labelledby={`${id}-rejected`}>
          <table>
            <caption id={`${id}-rejected`}>{t("tableReport.rejected", { count: diff.rejected.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tableReport.row")}</th>
                <th scope="col">{t("tableReport.column")}</th>
                <th scope="col">{t("tableReport.reason")}</th>
                <th scope="col">{t("tableReport.fix")}</th>
              </tr>
            </thead>
            <tbody>
              {diff.rejected.map((p) => (
                <tr class="rejected-cell">
                  <td>{p.row}</td>
                  <td>
                    <code>{p.column}</code>
                  </td>
                  <td>{problemInWords(ctx, p)}</td>
                  <td>{p.fix ? <code>{p.fix}</code> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {diff.created.length > 0 && (
        <div class="scroll" role="region" tabindex={0} aria-labelledby={`${id}-created`}>
          <table>
            <caption id={`${id}-created`}>{t("tableReport.created", { count: diff.created.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tableReport.row")}</th>
                <th scope="col">id</th>
                <th scope="col">sending_country</th>
                <th scope="col">kind</th>
                <th scope="col">city</th>
              </tr>
            </thead>
            <tbody>
              {diff.created.map((c) => (
                <tr class="created-office">
                  <td>{c.row}</td>
                  <td>
                    <code>{c.id}</code>
                  </td>
                  <td>{c.sendingCountry}</td>
                  <td>{c.kind}</td>
                  <td>{c.city}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {diff.changed.length > 0 && (
        <div class="scroll" role="region" tabindex={0} aria-labelledby={`${id}-changed`}>
          <table>
            <caption id={`${id}-changed`}>{t("tableReport.changed", { count: diff.changed.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tableReport.row")}</th>
                <th scope="col">{t("tableReport.office")}</th>
                <th scope="col">{t("tableReport.column")}</th>
                <th scope="col">{t("tableReport.old")}</th>
                <th scope="col">{t("tableReport.new")}</th>
              </tr>
            </thead>
            <tbody>
              {diff.changed.flatMap((c) =>
                c.changes.map((f) => (
                  <tr class="changed-field">
                    <td>{c.row}</td>
                    <td>
                      <a href={localHref(ctx, `/offices/${encodeURIComponent(c.id)}`)}>{c.id}</a>
                    </td>
                    <td>
                      <code>{f.field}</code>
                    </td>
                    <td>{valueText(ctx, f.field, f.old)}</td>
                    <td>{valueText(ctx, f.field, f.new)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
      <p class="muted">{t("tableReport.unchanged", { count: diff.unchanged.length })}</p>
    </div>
  );
}
