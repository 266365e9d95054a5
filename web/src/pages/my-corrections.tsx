import type { Request } from "express";
import { MyCorrectionsDocument } from "../../../operations/generated/graphql";
import type { Api } from "../api/graphql";
import { Layout, localHref, type PageContext } from "../components/layout";
import { ProposedChanges } from "../components/proposed-changes";
import { dateInWords } from "../format/office";
import { gqlLang, type MessageKey } from "../i18n";
import type { PageResult } from "../http/page";

/** /me/corrections: an official's reports, newest first, with what became of each. */
export async function myCorrectionsPage(ctx: PageContext, api: Api, req: Request): Promise<PageResult> {
  const { t, lang } = ctx;
  const answer = await api.run(MyCorrectionsDocument, { first: 50, lang: gqlLang(lang) }, { lang });
  const reports = answer.data?.myCorrections ?? [];
  const sent = typeof req.query.sent === "string" ? req.query.sent : undefined;
  const title = t("mine.title");
  return {
    title,
    shared: false,
    body: (
      <Layout ctx={ctx} title={title}>
        <h1>{title}</h1>
        {sent && (
          <p class="notice ok" role="status">
            {t("mine.sent")}
          </p>
        )}
        {answer.errors.length > 0 && !answer.data && <p class="notice error">{t("error.unavailable")}</p>}
        <p>{t("mine.intro")}</p>
        {reports.length === 0 ? (
          <p class="muted">{t("mine.empty")}</p>
        ) : (
          <ol class="plain reports">
            {reports.map((r) => (
              <li class={r.id === sent ? "report-item just-sent" : "report-item"} id={`report-${r.id}`}>
                <h2>
                  {r.representation ? <a href={localHref(ctx, `/offices/${encodeURIComponent(r.representation.id)}`)}>{r.representation.name}</a> : t("office.notFound")}
                  {r.representation && <span class="muted"> · {r.representation.hostCountry.name}</span>}
                </h2>
                <p>
                  <strong class={`decision decision-${r.status.toLowerCase()}`}>{t(`correction.${r.status}` as MessageKey)}</strong> ·{" "}
                  {t("mine.sentOn", { date: dateInWords(r.submittedAt, lang) ?? "" })}
                  {r.decidedAt && <> · {t("mine.decidedOn", { date: dateInWords(r.decidedAt, lang) ?? "" })}</>}
                </p>
                {r.decisionReason && (
                  <p>
                    <strong>{t("mine.reason")}</strong> {r.decisionReason}
                  </p>
                )}
                {r.comment && (
                  <p>
                    <strong>{t("mine.comment")}</strong> {r.comment}
                  </p>
                )}
                <ProposedChanges ctx={ctx} changes={r.proposedChanges} />
              </li>
            ))}
          </ol>
        )}
      </Layout>
    ),
  };
}
