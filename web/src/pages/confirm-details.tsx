import type { Request, Response } from "express";
import { ConfirmRepresentationDocument, type ConfirmationMethod, type SourcedField } from "../../../operations/generated/graphql";
import type { Api } from "../api/graphql";
import { localHref, type PageContext } from "../components/layout";
import type { PageResult } from "../http/page";
import type { MessageKey } from "../i18n";
import { formField } from "../session/guard";
import { officePage, type Office, type OfficeSection } from "./office";

const METHODS: ConfirmationMethod[] = ["PHONE_CALL", "VISIT", "OFFICE_PAGE"];

/** The fields of an office that hold a value, with their label: what an official can confirm. */
function confirmable(ctx: PageContext, office: Office): { field: SourcedField; label: string }[] {
  const { t } = ctx;
  const items: ({ field: SourcedField; label: string } | null)[] = [
    office.phones.length ? { field: "PHONE", label: t("office.phones") } : null,
    office.emails.length ? { field: "EMAIL", label: t("office.emails") } : null,
    office.address ? { field: "ADDRESS", label: t("change.address") } : null,
    office.website ? { field: "WEBSITE", label: t("office.website") } : null,
    office.openingHours ? { field: "OPENING_HOURS", label: t("office.hours") } : null,
    { field: "STATUS", label: t("confirm.status", { status: t(`status.${office.status}` as MessageKey) }) },
  ];
  return items.filter((x): x is { field: SourcedField; label: string } => x !== null);
}

/** A refusal kept for the re-rendered page. */
const refused = new WeakMap<PageContext, string>();

/**
 * "I checked these details today" (issue 21), on an office's page, for an official of the
 * country the office is in: the fields checked and how (call, visit, the office's page),
 * in one submit. Each confirmed value gets that confirmation as its source and the office
 * reads "verificado el … por <país>".
 */
export const confirmSection: OfficeSection = (ctx: PageContext, office: Office) => {
  if (ctx.viewer.role !== "OFFICIAL" || ctx.viewer.country !== office.hostCountry.code) return null;
  const { t } = ctx;
  const fields = confirmable(ctx, office);
  const error = refused.get(ctx);
  const done = ctx.query.get("confirmed") === "1";
  return (
    <section aria-labelledby="confirm-heading" class="confirm" id="confirm">
      <h2 id="confirm-heading">{t("confirm.title")}</h2>
      {done && (
        <p class="notice ok" role="status">
          {t("confirm.done")}
        </p>
      )}
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      <form method="post" action={`${localHref(ctx, `/offices/${encodeURIComponent(office.id)}/confirm`)}#confirm`}>
        <input type="hidden" name="csrf" value={ctx.viewer.csrf} />
        <input type="hidden" name="version" value={String(office.version)} />
        <fieldset class="field">
          <legend>{t("confirm.fields")}</legend>
          {fields.map((f) => (
            <p class="check">
              <input type="checkbox" id={`c-${f.field}`} name="field" value={f.field} checked />
              <label for={`c-${f.field}`}>{f.label}</label>
            </p>
          ))}
        </fieldset>
        <fieldset class="field">
          <legend>{t("confirm.how")}</legend>
          {METHODS.map((m, i) => (
            <p class="check">
              <input type="radio" id={`c-${m}`} name="method" value={m} checked={i === 0} />
              <label for={`c-${m}`}>{t(`confirm.method.${m}` as MessageKey)}</label>
            </p>
          ))}
        </fieldset>
        <p class="actions">
          <button type="submit">{t("confirm.submit")}</button>
        </p>
      </form>
    </section>
  );
};

/** The checkboxes of a form (a field sent several times). */
const all = (req: Request, name: string): string[] => {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === "string").slice(0, 10);
};

/** POST /offices/:id/confirm: the form becomes confirmRepresentation; success comes back to the office with a note. */
export function submitConfirmation(sections: OfficeSection[]) {
  return async (ctx: PageContext, api: Api, req: Request, res: Response): Promise<PageResult | undefined> => {
    const id = String(req.params.id ?? "");
    const fields = all(req, "field") as SourcedField[];
    const method = formField(req, "method", 40) as ConfirmationMethod;
    const version = Number(formField(req, "version", 12));
    let message: string | undefined;
    if (!fields.length) message = ctx.t("confirm.needField");
    else if (!METHODS.includes(method)) message = ctx.t("confirm.needMethod");
    else {
      const answer = await api.run(ConfirmRepresentationDocument, { id, version, fields, method });
      if (answer.data?.confirmRepresentation) {
        res.redirect(303, `${localHref(ctx, `/offices/${encodeURIComponent(id)}`, { confirmed: "1" })}#confirm`);
        return undefined;
      }
      const code = answer.errors[0]?.extensions?.code;
      message = code === "VERSION_CONFLICT" ? ctx.t("confirm.conflict") : code === "FORBIDDEN" ? ctx.t("confirm.forbidden") : ctx.t("report.failed");
    }
    const pageCtx: PageContext = { ...ctx, path: `/offices/${encodeURIComponent(id)}`, query: new URLSearchParams() };
    refused.set(pageCtx, message);
    const result = await officePage(pageCtx, api, req, sections);
    return { ...result, status: result.status ?? 400, shared: false };
  };
}
