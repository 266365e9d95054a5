import type { Request, Response } from "express";
import {
  ApplyCountryTableSubmissionDocument,
  CountryTableSubmissionDocument,
  CountryTableSubmissionsDocument,
  RejectCountryTableSubmissionDocument,
  type TableSubmissionFragment,
} from "../../../operations/generated/graphql";
import type { Api, GraphQLError } from "../api/graphql";
import { Layout, localHref, type PageContext } from "../components/layout";
import { messagePage } from "../components/message-page";
import { TableReport } from "../components/table-report";
import { countryName, dateInWords } from "../format/office";
import type { MessageKey } from "../i18n";
import type { PageResult } from "../http/page";
import { formField } from "../session/guard";
import { decisionRefusal } from "./secretariat";

/** A table's line in a list: country, when, who (role and country), what it would do, what became of it. */
export function SubmissionSummary(props: { ctx: PageContext; s: TableSubmissionFragment; link?: boolean }) {
  const { ctx, s, link } = props;
  const { t, lang } = ctx;
  const when = dateInWords(s.submittedAt, lang) ?? s.submittedAt;
  return (
    <li class="submission" data-status={s.status}>
      <strong>{link ? <a href={localHref(ctx, `/secretariat/tables/${encodeURIComponent(s.id)}`)}>{countryName(s.country, lang)}</a> : countryName(s.country, lang)}</strong> · {when} ·{" "}
      {t(`submission.${s.status}` as MessageKey)}
      <br />
      <span class="muted">
        {t("submission.counts", { created: s.createdCount, changed: s.changedCount })}
        {s.fileName ? ` · ${s.fileName}` : ""}
        {s.decisionReason ? ` · ${s.decisionReason}` : ""}
      </span>
    </li>
  );
}

/** /secretariat/tables: the countries' tables, the ones waiting first. */
export async function submissionsPage(ctx: PageContext, api: Api, req: Request): Promise<PageResult> {
  const { t } = ctx;
  const title = t("submission.title");
  const answer = await api.run(CountryTableSubmissionsDocument, { first: 100 }, { lang: ctx.lang });
  if (!answer.data) return messagePage(ctx, 502, title, t("error.unavailable"));
  const list = [...answer.data.countryTableSubmissions].sort((a, b) => Number(b.status === "PENDING") - Number(a.status === "PENDING"));
  const done = req.query.done === "applied" || req.query.done === "rejected" ? req.query.done : undefined;
  return {
    title,
    shared: false,
    body: (
      <Layout ctx={ctx} title={title}>
        <h1>{title}</h1>
        <p class="lead">{t("submission.intro")}</p>
        {done && (
          <p class="notice ok" role="status">
            {t(done === "applied" ? "submission.appliedNotice" : "submission.rejectedNotice")}
          </p>
        )}
        {list.length === 0 ? (
          <p class="muted">{t("submission.empty")}</p>
        ) : (
          <ul class="plain submissions">
            {list.map((s) => (
              <SubmissionSummary ctx={ctx} s={s} link />
            ))}
          </ul>
        )}
      </Layout>
    ),
  };
}

/** Why the API refused a decision on a table: an office changed since it was sent, or a decision's refusal. */
function refusalOf(ctx: PageContext, error: GraphQLError | undefined): { message: string; status: number } {
  if (error?.extensions?.code === "SUBMISSION_STALE") return { message: ctx.t("submission.stale", { offices: ((error.extensions.offices as string[]) ?? []).join(", ") }), status: 409 };
  return decisionRefusal(ctx, error);
}

/** /secretariat/tables/:id: one table's report, and the decision: apply it, or send it back saying why. */
export async function submissionPage(ctx: PageContext, api: Api, req: Request, refusal?: { message: string; reason?: string }, status?: number): Promise<PageResult> {
  const { t } = ctx;
  const id = String(req.params.id ?? "").slice(0, 64);
  const answer = await api.run(CountryTableSubmissionDocument, { id }, { lang: ctx.lang });
  const s = answer.data?.countryTableSubmission;
  if (!s)
    return messagePage(ctx, answer.data ? 404 : 502, t("submission.title"), t(answer.data ? "secretariat.gone" : "error.unavailable"), {
      href: localHref(ctx, "/secretariat/tables"),
      text: t("submission.title"),
    });
  const title = t("submission.one", { country: countryName(s.country, ctx.lang) });
  const action = (what: string) => localHref(ctx, `/secretariat/tables/${encodeURIComponent(s.id)}/${what}`);
  return {
    title,
    status,
    shared: false,
    body: (
      <Layout ctx={ctx} title={title}>
        <p>
          <a href={localHref(ctx, "/secretariat/tables")}>{t("submission.title")}</a>
        </p>
        <h1>{title}</h1>
        <ul class="plain">
          <SubmissionSummary ctx={ctx} s={s} />
        </ul>
        <TableReport ctx={ctx} diff={s.diff} id="submission" />
        {refusal && (
          <p class="notice error" role="alert">
            {refusal.message}
          </p>
        )}
        {s.status === "PENDING" && (
          <div class="decide">
            <form method="post" action={action("apply")}>
              <input type="hidden" name="csrf" value={ctx.viewer.csrf} />
              <button type="submit">{t("submission.apply")}</button>
            </form>
            <form method="post" class="reject" action={action("reject")}>
              <input type="hidden" name="csrf" value={ctx.viewer.csrf} />
              <p class="field">
                <label for="reason">{t("secretariat.reason")}</label>
                <textarea id="reason" name="reason" rows={2} maxlength={1000} required value={refusal?.reason ?? ""} />
              </p>
              <button type="submit" class="secondary">
                {t("secretariat.reject")}
              </button>
            </form>
          </div>
        )}
      </Layout>
    ),
  };
}

/** POST /secretariat/tables/:id/apply and …/reject; success goes back to the list with a notice. */
export function decideSubmission(decision: "apply" | "reject") {
  return async (ctx: PageContext, api: Api, req: Request, res: Response): Promise<PageResult | undefined> => {
    const id = String(req.params.id ?? "").slice(0, 64);
    let error: GraphQLError | undefined;
    let reason: string | undefined;
    if (decision === "apply") {
      const answer = await api.run(ApplyCountryTableSubmissionDocument, { id });
      if (answer.data?.applyCountryTableSubmission) return void res.redirect(303, localHref(ctx, "/secretariat/tables", { done: "applied" }));
      error = answer.errors[0];
    } else {
      reason = formField(req, "reason", 1000).trim();
      if (!reason) return submissionPage(ctx, api, req, { message: ctx.t("secretariat.needReason"), reason }, 400);
      const answer = await api.run(RejectCountryTableSubmissionDocument, { id, reason });
      if (answer.data?.rejectCountryTableSubmission) return void res.redirect(303, localHref(ctx, "/secretariat/tables", { done: "rejected" }));
      error = answer.errors[0];
    }
    const refusal = refusalOf(ctx, error);
    return submissionPage({ ...ctx, path: `/secretariat/tables/${id}` }, api, req, { message: refusal.message, reason }, refusal.status);
  };
}
