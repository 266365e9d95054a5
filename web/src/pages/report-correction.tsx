import type { Request, Response } from "express";
import { SubmitCorrectionDocument, type RepresentationChanges } from "../../../operations/generated/graphql";
import type { Api, GraphQLError } from "../api/graphql";
import { localHref, type PageContext } from "../components/layout";
import type { PageResult } from "../http/page";
import { formField } from "../session/guard";
import { officePage, type Office, type OfficeSection } from "./office";

/** The form's text fields, as the official typed them. */
const FIELDS = ["comment", "phones", "emails", "address", "website", "openingHours"] as const;
type Field = (typeof FIELDS)[number];

interface ReportForm {
  values: Record<Field, string>;
  phonesGone: boolean;
  /** Errors by form field; "changes" is about the corrections as a whole, "general" the rest. */
  errors: Partial<Record<Field | "changes" | "general", string>>;
}

/** The form as posted, kept for the re-rendered page when the API refuses it (by page context: one render). */
const posted = new WeakMap<PageContext, ReportForm>();

const MAX = { comment: 2000, phones: 1000, emails: 1000, address: 500, website: 500, openingHours: 300 } as const;

/** One value a line (or separated by ; or ,): phones and e-mails. */
const lines = (text: string) =>
  text
    .split(/[\r\n;,]+/)
    .map((line) => line.trim())
    .filter(Boolean);

function FormField(props: { ctx: PageContext; form?: ReportForm; name: Field; label: string; hint?: string; multiline?: boolean; url?: boolean; required?: boolean }) {
  const { name, form } = props;
  const id = `r-${name}`;
  const error = form?.errors[name];
  const described = [props.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const common = { id, name, maxlength: MAX[name], required: props.required, "aria-describedby": described, "aria-invalid": error ? ("true" as const) : undefined };
  return (
    <p class="field">
      <label for={id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={3} value={form?.values[name] ?? ""} />
      ) : (
        <input {...common} type="text" inputMode={props.url ? "url" : undefined} value={form?.values[name] ?? ""} />
      )}
      {props.hint && (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      {error && (
        <span class="error-text" id={`${id}-error`}>
          {error}
        </span>
      )}
    </p>
  );
}

/** "Report what you found": on an office's page, for a signed-in official only. */
export const reportSection: OfficeSection = (ctx: PageContext, office: Office) => {
  if (ctx.viewer.role !== "OFFICIAL") return null;
  const { t } = ctx;
  const form = posted.get(ctx);
  return (
    <section aria-labelledby="report-heading" class="report" id="report">
      <h2 id="report-heading">{t("report.title")}</h2>
      <p>{t("report.intro")}</p>
      {form?.errors.general && (
        <p class="notice error" role="alert">
          {form.errors.general}
        </p>
      )}
      {form && !form.errors.general && (
        <p class="notice error" role="alert">
          {t("report.fix")}
        </p>
      )}
      <form method="post" action={`${localHref(ctx, `/offices/${encodeURIComponent(office.id)}/corrections`)}#report`}>
        <input type="hidden" name="csrf" value={ctx.viewer.csrf} />
        <FormField ctx={ctx} form={form} name="comment" label={t("report.comment")} hint={t("report.commentHint")} multiline required />
        <fieldset class="field">
          <legend>{t("report.corrected")}</legend>
          {form?.errors.changes && (
            <p class="error-text" id="r-changes-error">
              {form.errors.changes}
            </p>
          )}
          <FormField ctx={ctx} form={form} name="phones" label={t("office.phones")} hint={t("report.phonesHint")} multiline />
          <p class="check">
            <input type="checkbox" id="r-phonesGone" name="phonesGone" value="1" checked={form?.phonesGone} />
            <label for="r-phonesGone">{t("report.phonesGone")}</label>
          </p>
          <FormField ctx={ctx} form={form} name="emails" label={t("office.emails")} hint={t("report.emailsHint")} multiline />
          <FormField ctx={ctx} form={form} name="address" label={t("change.address")} />
          <FormField ctx={ctx} form={form} name="website" label={t("office.website")} url hint={t("report.websiteHint")} />
          <FormField ctx={ctx} form={form} name="openingHours" label={t("office.hours")} hint={t("report.hoursHint")} />
        </fieldset>
        <p class="actions">
          <button type="submit">{t("report.submit")}</button>
        </p>
      </form>
    </section>
  );
};

/** What the form proposes: only the fields filled in (left out = unchanged). */
function changesOf(form: ReportForm): RepresentationChanges {
  const v = form.values;
  const changes: RepresentationChanges = {};
  if (lines(v.phones).length) changes.phones = lines(v.phones);
  else if (form.phonesGone) changes.phones = [];
  if (lines(v.emails).length) changes.emails = lines(v.emails);
  if (v.address.trim()) changes.address = v.address.trim();
  if (v.website.trim()) changes.website = v.website.trim();
  if (v.openingHours.trim()) changes.openingHours = v.openingHours.trim();
  return changes;
}

/**
 * The API's refusal next to the field it names (`changes.phones[1]` → phones), in the
 * page's language; the value at fault quoted when the field is a list.
 */
function errorsOf(ctx: PageContext, form: ReportForm, changes: RepresentationChanges, error: GraphQLError): ReportForm["errors"] {
  const { t } = ctx;
  const field = error.extensions?.code === "BAD_USER_INPUT" ? String(error.extensions.field ?? "") : "";
  const match = /^changes\.(\w+)(?:\[(\d+)\])?/.exec(field);
  const item = (list: string[] | null | undefined) => (match?.[2] !== undefined ? (list?.[Number(match[2])] ?? "") : "");
  if (field === "comment") return { comment: t("report.commentTooLong") };
  if (field === "changes") return { changes: t("report.noChange") };
  switch (match?.[1]) {
    case "phones":
      return { phones: t("report.badPhone", { value: item(changes.phones) }) };
    case "emails":
      return { emails: t("report.badEmail", { value: item(changes.emails) }) };
    case "address":
      return { address: t("report.badAddress") };
    case "website":
      return { website: t("report.badWebsite") };
    case "openingHours":
      return { openingHours: t("report.badHours") };
  }
  if (error.extensions?.code === "NOT_FOUND") return { general: t("office.notFound") };
  return { general: t("report.failed") };
}

/** POST /offices/:id/corrections: the form becomes submitCorrection; success goes to the official's reports. */
export function submitReport(sections: OfficeSection[]) {
  return async (ctx: PageContext, api: Api, req: Request, res: Response): Promise<PageResult | undefined> => {
    const form: ReportForm = {
      values: Object.fromEntries(FIELDS.map((name) => [name, formField(req, name, MAX[name])])) as Record<Field, string>,
      phonesGone: formField(req, "phonesGone", 5) === "1",
      errors: {},
    };
    const changes = changesOf(form);
    const comment = form.values.comment.trim();
    if (!comment) form.errors.comment = ctx.t("report.commentNeeded");
    else if (!Object.keys(changes).length) form.errors.changes = ctx.t("report.noChange");
    else {
      const id = String(req.params.id ?? "");
      const answer = await api.run(SubmitCorrectionDocument, { representationId: id, changes, comment });
      const created = answer.data?.submitCorrection;
      if (created) {
        res.redirect(303, localHref(ctx, "/me/corrections", { sent: created.id }));
        return undefined;
      }
      form.errors = errorsOf(ctx, form, changes, answer.errors[0] ?? { message: "no answer" });
    }
    // The office's own address for the language switch: a GET of the POST's path would be a 404.
    const pageCtx: PageContext = { ...ctx, path: `/offices/${encodeURIComponent(String(req.params.id ?? ""))}`, query: new URLSearchParams() };
    posted.set(pageCtx, form);
    const result = await officePage(pageCtx, api, req, sections);
    return { ...result, status: result.status ?? 400, shared: false };
  };
}
