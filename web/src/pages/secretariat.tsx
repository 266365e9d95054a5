import { countryName } from "../format/office";
import type { Request, Response } from "express";
import { AcceptCorrectionDocument, PendingCorrectionsDocument, RejectCorrectionDocument, type PendingCorrectionsQuery } from "../../../operations/generated/graphql";
import type { Api, GraphQLError } from "../api/graphql";
import { Layout, localHref, type PageContext } from "../components/layout";
import { fieldLabel, proposedInWords, valueInWords } from "../components/proposed-changes";
import { dateInWords } from "../format/office";
import { gqlLang } from "../i18n";
import type { PageResult } from "../http/page";
import { formField } from "../session/guard";

/** The oldest this many are listed; deciding them brings the next. */
const PAGE = 50;

type Pending = PendingCorrectionsQuery["pendingCorrections"][number];
type Office = NonNullable<Pending["representation"]>;

/** A refused decision, shown on the correction it was about, with the reason typed kept. */
interface Refusal {
  id: string;
  message: string;
  reason?: string;
}

/** The office's value now of a field an official proposes to change. */
function currentValue(office: Office, field: string): unknown {
  switch (field) {
    case "phones":
      return office.phones.map((p) => p.raw);
    case "coordinates":
      return office.coordinates;
    case "concurrentAccreditation":
      return office.jurisdiction.filter((j) => j.basis === "CONCURRENT_ACCREDITATION").map((j) => j.country.code);
    case "source":
      return office.provenance.sources;
    case "kind":
      return office.kindLabel;
    default:
      return (office as unknown as Record<string, unknown>)[field] ?? null;
  }
}

function Correction(props: { ctx: PageContext; c: Pending; refusal?: Refusal }) {
  const { ctx, c, refusal } = props;
  const { t, lang } = ctx;
  const office = c.representation;
  const heading = `c-${c.id}`;
  const none = (value: unknown) => (value === null || value === undefined || (Array.isArray(value) && !value.length) ? t("office.none") : valueInWords(ctx, value));
  return (
    <section aria-labelledby={heading} class="correction" id={`correction-${c.id}`}>
      <h2 id={heading}>{office ? <a href={localHref(ctx, `/offices/${encodeURIComponent(office.id)}`)}>{office.name}</a> : t("office.notFound")}</h2>
      {office && (
        <p class="lead">
          {office.kindLabel} · {office.sendingCountry.name} · {office.hostCountry.name}
        </p>
      )}
      <p>{t("secretariat.reported", { country: countryName(c.submitterCountry, lang), date: dateInWords(c.submittedAt, lang) ?? "" })}</p>
      {c.comment && (
        <p>
          <strong>{t("mine.comment")}</strong> {c.comment}
        </p>
      )}
      {office && office.version !== c.representationVersion && <p class="notice">{t("secretariat.changedSince")}</p>}
      <div class="scroll">
        <table>
          <caption>{t("secretariat.changes")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("secretariat.field")}</th>
              <th scope="col">{t("secretariat.now")}</th>
              <th scope="col">{t("secretariat.proposed")}</th>
            </tr>
          </thead>
          <tbody>
            {c.proposedChanges.map((p) => (
              <tr>
                <th scope="row">{fieldLabel(ctx, p.field)}</th>
                <td>{office ? none(currentValue(office, p.field)) : ""}</td>
                <td>{proposedInWords(ctx, p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {refusal && (
        <p class="notice error" role="alert">
          {refusal.message}
        </p>
      )}
      {office && (
        <div class="decide">
          <form method="post" action={`${localHref(ctx, `/secretariat/corrections/${encodeURIComponent(c.id)}/accept`)}#correction-${c.id}`}>
            <input type="hidden" name="csrf" value={ctx.viewer.csrf} />
            <input type="hidden" name="representationVersion" value={String(office.version)} />
            <button type="submit">{t("secretariat.accept")}</button>
          </form>
          <form method="post" class="reject" action={`${localHref(ctx, `/secretariat/corrections/${encodeURIComponent(c.id)}/reject`)}#correction-${c.id}`}>
            <input type="hidden" name="csrf" value={ctx.viewer.csrf} />
            <p class="field">
              <label for={`reason-${c.id}`}>{t("secretariat.reason")}</label>
              <textarea id={`reason-${c.id}`} name="reason" rows={2} maxlength={1000} required value={refusal?.reason ?? ""} />
            </p>
            <button type="submit" class="secondary">
              {t("secretariat.reject")}
            </button>
          </form>
        </div>
      )}
    </section>
  );
}

/** /secretariat: the corrections waiting for a decision, oldest first, each with accept and reject. */
export async function secretariatPage(ctx: PageContext, api: Api, req: Request, refusal?: Refusal, status?: number): Promise<PageResult> {
  const { t, lang } = ctx;
  const answer = await api.run(PendingCorrectionsDocument, { first: PAGE, lang: gqlLang(lang) }, { lang });
  const pending = answer.data?.pendingCorrections ?? [];
  const done = req.query.done === "accepted" || req.query.done === "rejected" ? req.query.done : undefined;
  const title = t("secretariat.title");
  return {
    title,
    status,
    shared: false,
    body: (
      <Layout ctx={ctx} title={title}>
        <h1>{title}</h1>
        <p>
          <a href={localHref(ctx, "/secretariat/data-quality")}>{t("quality.title")}</a> · <a href={localHref(ctx, "/secretariat/country-tables")}>{t("tables.title")}</a> ·{" "}
          <a href={localHref(ctx, "/secretariat/tables")}>{t("submission.title")}</a>
        </p>
        {!refusal && done && (
          <p class="notice ok" role="status">
            {t(done === "accepted" ? "secretariat.accepted" : "secretariat.rejected")}
          </p>
        )}
        {refusal && !pending.some((c) => c.id === refusal.id) && (
          <p class="notice error" role="alert">
            {refusal.message}
          </p>
        )}
        {answer.errors.length > 0 && !answer.data && <p class="notice error">{t("error.unavailable")}</p>}
        {pending.length === 0 ? (
          <p class="muted">{t("secretariat.empty")}</p>
        ) : (
          <p class="count">{pending.length === 1 ? t("secretariat.countOne") : pending.length < PAGE ? t("secretariat.count", { count: pending.length }) : t("secretariat.more", { count: PAGE })}</p>
        )}
        {pending.map((c) => (
          <Correction ctx={ctx} c={c} refusal={refusal?.id === c.id ? refusal : undefined} />
        ))}
      </Layout>
    ),
  };
}

/**
 * Why the API refused a secretariat's decision (on a correction or a country's table), in the
 * page's language, and the HTTP status that says so: gone, already decided, no reason given.
 */
export function decisionRefusal(ctx: PageContext, error: GraphQLError | undefined): { message: string; status: number } {
  const { t } = ctx;
  const code = error?.extensions?.code;
  const field = String(error?.extensions?.field ?? "");
  if (code === "NOT_FOUND") return { message: t("secretariat.gone"), status: 404 };
  if (code === "BAD_USER_INPUT" && field === "id") return { message: t("secretariat.decided"), status: 409 };
  if (code === "BAD_USER_INPUT" && field === "reason") return { message: t("secretariat.needReason"), status: 400 };
  return { message: t("report.failed"), status: 502 };
}

/** A correction's refusals: an office changed meanwhile, a proposed value no longer valid, or a decision's. */
function refusalOf(ctx: PageContext, error: GraphQLError | undefined): { message: string; status: number } {
  const { t } = ctx;
  const code = error?.extensions?.code;
  const field = String(error?.extensions?.field ?? "");
  if (code === "VERSION_CONFLICT") return { message: t("secretariat.conflict"), status: 409 };
  if (code === "BAD_USER_INPUT" && field.startsWith("changes")) return { message: t("secretariat.invalid", { field: fieldLabel(ctx, field.replace(/^changes\.(\w+).*$/, "$1")) }), status: 400 };
  return decisionRefusal(ctx, error);
}

/** POST /secretariat/corrections/:id/accept and …/reject. Success goes back to the list with a notice. */
export function decideCorrection(decision: "accept" | "reject") {
  return async (ctx: PageContext, api: Api, req: Request, res: Response): Promise<PageResult | undefined> => {
    const id = String(req.params.id ?? "").slice(0, 64);
    // The list's own address for the language switch.
    const listCtx: PageContext = { ...ctx, path: "/secretariat", query: new URLSearchParams() };
    let error: GraphQLError | undefined;
    let reason: string | undefined;
    if (decision === "accept") {
      const version = Number(formField(req, "representationVersion", 12));
      if (!Number.isSafeInteger(version)) return secretariatPage(listCtx, api, req, { id, message: ctx.t("report.failed") }, 400);
      const answer = await api.run(AcceptCorrectionDocument, { id, representationVersion: version });
      if (answer.data?.acceptCorrection) return done(res, ctx, "accepted");
      error = answer.errors[0];
    } else {
      reason = formField(req, "reason", 1000).trim();
      if (!reason) return secretariatPage(listCtx, api, req, { id, message: ctx.t("secretariat.needReason"), reason }, 400);
      const answer = await api.run(RejectCorrectionDocument, { id, reason });
      if (answer.data?.rejectCorrection) return done(res, ctx, "rejected");
      error = answer.errors[0];
    }
    const refusal = refusalOf(ctx, error);
    return secretariatPage(listCtx, api, req, { id, message: refusal.message, reason }, refusal.status);
  };
}

function done(res: Response, ctx: PageContext, what: "accepted" | "rejected"): undefined {
  res.redirect(303, localHref(ctx, "/secretariat", { done: what }));
  return undefined;
}
