import type { Request } from "express";
import { DirectoryChoicesDocument, DirectoryPageDocument, type DirectoryRowFragment, type ProcedureCode, type RepresentationFilter } from "../../../operations/generated/graphql";
import type { Api } from "../api/graphql";
import { Emails, Freshness, Phones, Website } from "../components/office-bits";
import { Layout, localHref, type PageContext } from "../components/layout";
import { hoursInWords } from "../format/office";
import { gqlLang, type MessageKey } from "../i18n";

export const PAGE_SIZE = 25;

export interface DirectoryQuery {
  host?: string;
  sender?: string;
  procedure?: ProcedureCode;
  q?: string;
  after?: string;
}

const code = (value: unknown) => (typeof value === "string" && /^[A-Za-z]{2}$/.test(value) ? value.toUpperCase() : undefined);
const PROCEDURE = /^[A-Z_]{3,40}$/;

/** The directory's filters from the URL; anything malformed is ignored rather than refused (a shared link must open). */
export function directoryQuery(query: Request["query"]): DirectoryQuery {
  const text = typeof query.q === "string" ? query.q.trim().slice(0, 200) : "";
  return {
    host: code(query.host),
    sender: code(query.sender),
    procedure: typeof query.procedure === "string" && PROCEDURE.test(query.procedure) ? (query.procedure as ProcedureCode) : undefined,
    q: text || undefined,
    after: typeof query.after === "string" && query.after.length < 200 ? query.after : undefined,
  };
}

export function filterOf(q: DirectoryQuery): RepresentationFilter {
  return {
    ...(q.host && { hostCountry: [q.host] }),
    ...(q.sender && { sendingCountry: [q.sender] }),
    ...(q.procedure && { procedures: [q.procedure] }),
    ...(q.q && { text: q.q }),
  };
}

/**
 * An API error as the page says it, in its language: a refused filter names the filter;
 * anything else is the generic message. The API's own (English) text never reaches a page.
 */
export function apiErrorInWords(ctx: PageContext, error: { message?: string; extensions?: Record<string, unknown> }): string {
  // The field a refusal names: the API's `field`, or where graphql-js says a variable's value is wrong.
  const field = typeof error.extensions?.field === "string" ? error.extensions.field : /at "([^"]+)"/.exec(error.message ?? "")?.[1];
  if (error.extensions?.code === "BAD_USER_INPUT" && field) return ctx.t("error.badFilter", { field: field.replace(/^filter\./, "") });
  return ctx.t("error.title");
}

export const filterParams = (q: DirectoryQuery) => ({ host: q.host, sender: q.sender, procedure: q.procedure, q: q.q });

export async function loadDirectory(api: Api, ctx: PageContext, q: DirectoryQuery, pageSize = PAGE_SIZE) {
  const [choices, page] = await Promise.all([
    api.run(DirectoryChoicesDocument, { lang: gqlLang(ctx.lang) }, { lang: ctx.lang }),
    api.run(DirectoryPageDocument, { filter: filterOf(q), first: pageSize, after: q.after, lang: gqlLang(ctx.lang) }, { lang: ctx.lang }),
  ]);
  return { choices: choices.data, page: page.data?.representations ?? null, errors: [...choices.errors, ...page.errors] };
}

type Loaded = Awaited<ReturnType<typeof loadDirectory>>;

function Select(props: { name: string; label: string; any: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <p class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </p>
  );
}

export function DirectoryFilters(props: { ctx: PageContext; q: DirectoryQuery; choices: Loaded["choices"]; action: string; embed?: boolean }) {
  const { ctx, q, choices } = props;
  const { t } = ctx;
  const byName = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, ctx.lang);
  return (
    <form method="get" action={props.action} class="filters" role="search" aria-label={t("directory.filters")}>
      <input type="hidden" name="lang" value={ctx.lang} />
      {props.embed && <input type="hidden" name="embed" value="1" />}
      <Select name="host" label={t("directory.host")} any={t("directory.anyHost")} value={q.host} options={(choices?.hosts ?? []).map((c) => ({ value: c.code, label: c.name })).sort(byName)} />
      <Select
        name="sender"
        label={t("directory.sender")}
        any={t("directory.anySender")}
        value={q.sender}
        options={(choices?.senders ?? []).map((c) => ({ value: c.code, label: c.name })).sort(byName)}
      />
      <Select
        name="procedure"
        label={t("directory.procedure")}
        any={t("directory.anyProcedure")}
        value={q.procedure}
        options={(choices?.procedures ?? []).map((p) => ({ value: p.code, label: p.label }))}
      />
      <p class="field">
        <label for="f-q">{t("directory.text")}</label>
        <input id="f-q" name="q" type="search" value={q.q ?? ""} maxLength={200} autocomplete="off" data-filter-rows="#offices" aria-describedby="f-q-hint" />
        <span id="f-q-hint" class="hint">
          {t("directory.textHint")}
        </span>
      </p>
      <p class="actions">
        <button type="submit">{t("directory.apply")}</button> <a href={localHref(ctx, props.action, props.embed ? { embed: "1" } : {})}>{t("directory.reset")}</a>
      </p>
    </form>
  );
}

const mark = (ctx: PageContext, office: DirectoryRowFragment, procedure: string) => {
  const offer = office.procedures.find((p) => p.procedure.code === procedure);
  if (!offer) return <span class="sr-only">{ctx.t("matrix.no")}</span>;
  return offer.basis === "CONFIRMED" ? (
    <span class="offer confirmed" title={ctx.t("matrix.confirmed")}>
      <span aria-hidden="true">●</span>
      <span class="sr-only">{ctx.t("matrix.confirmed")}</span>
    </span>
  ) : (
    <span class="offer typical" title={ctx.t("matrix.typical")}>
      <span aria-hidden="true">○</span>
      <span class="sr-only">{ctx.t("matrix.typical")}</span>
    </span>
  );
};

export function DirectoryTables(props: { ctx: PageContext; page: NonNullable<Loaded["page"]>; procedures: { code: string; label: string }[]; officeHref: (id: string) => string }) {
  const { ctx, page } = props;
  const { t } = ctx;
  return (
    <>
      <div class="scroll" role="region" aria-labelledby="offices-caption" tabindex={0}>
        <table id="offices" class="offices">
          <caption id="offices-caption">{t("directory.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("office.name")}</th>
              <th scope="col">{t("office.kind")}</th>
              <th scope="col">{t("office.where")}</th>
              <th scope="col">{t("office.contact")}</th>
              <th scope="col">{t("office.hours")}</th>
              <th scope="col">{t("office.freshness")}</th>
            </tr>
          </thead>
          <tbody>
            {page.nodes.map((o) => (
              <tr data-office={o.id}>
                <th scope="row">
                  <a href={props.officeHref(o.id)}>
                    {o.name}
                    {o.city && <span class="name-city">, {o.city}</span>}
                  </a>
                  {o.status !== "ACTIVE" && <span class="status"> · {t(`status.${o.status}` as MessageKey)}</span>}
                </th>
                <td data-label={t("office.kind")}>{o.kindLabel}</td>
                <td data-label={t("office.where")}>
                  {o.city ? `${o.city}, ` : ""}
                  {o.hostCountry.name}
                  {o.address && <span class="address">{o.address}</span>}
                </td>
                <td data-label={t("office.contact")}>
                  <Phones phones={o.phones} />
                  <Emails emails={o.emails} />
                  <Website url={o.website} ctx={ctx} />
                  {!o.phones.length && !o.emails.length && !o.website && <span class="muted">{t("office.noContact")}</span>}
                </td>
                <td data-label={t("office.hours")}>{hoursInWords(o.openingHours, ctx.lang) ?? <span class="muted">{t("office.noHours")}</span>}</td>
                <td data-label={t("office.freshness")}>
                  <Freshness ctx={ctx} level={o.staleness.level} lastVerifiedOn={o.provenance.lastVerifiedOn} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="matrix-heading">{t("matrix.heading")}</h2>
      <dl class="legend" aria-label={t("matrix.legend")}>
        <div>
          <dt>
            <span class="offer confirmed" aria-hidden="true">
              ●
            </span>
          </dt>
          <dd>{t("matrix.confirmedLong")}</dd>
        </div>
        <div>
          <dt>
            <span class="offer typical" aria-hidden="true">
              ○
            </span>
          </dt>
          <dd>{t("matrix.typicalLong")}</dd>
        </div>
      </dl>
      <div class="scroll" role="region" aria-labelledby="matrix-heading" tabindex={0}>
        <table class="matrix">
          <caption class="sr-only">{t("matrix.heading")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("office.name")}</th>
              {props.procedures.map((p) => (
                <th scope="col">{p.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.nodes.map((o) => (
              <tr>
                <th scope="row">
                  <a href={props.officeHref(o.id)}>
                    {o.name}
                    {o.city && <span class="name-city">, {o.city}</span>}
                  </a>
                </th>
                {props.procedures.map((p) => (
                  <td>{mark(ctx, o, p.code)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function Pager(props: { ctx: PageContext; path: string; q: DirectoryQuery; hasNext: boolean; endCursor?: string | null; extra?: Record<string, string> }) {
  const { ctx, q } = props;
  if (!q.after && !props.hasNext) return null;
  return (
    <nav class="pager" aria-label={ctx.t("pager.label")}>
      {q.after && <a href={localHref(ctx, props.path, { ...filterParams(q), ...props.extra })}>{ctx.t("pager.first")}</a>}
      {props.hasNext && props.endCursor && (
        <a href={localHref(ctx, props.path, { ...filterParams(q), ...props.extra, after: props.endCursor })} rel="next">
          {ctx.t("pager.next")}
        </a>
      )}
    </nav>
  );
}

export async function directoryPage(ctx: PageContext, api: Api, req: Request) {
  const q = directoryQuery(req.query);
  const loaded = await loadDirectory(api, ctx, q);
  const { t } = ctx;
  const page = loaded.page;
  const title = t("directory.title");
  const downloads = filterParams(q);
  return {
    title,
    body: (
      <Layout ctx={ctx} title={title}>
        <h1>{title}</h1>
        <p class="lead">{t("directory.intro")}</p>
        <DirectoryFilters ctx={ctx} q={q} choices={loaded.choices} action="/" />
        {loaded.errors.length > 0 && (
          <div class="notice error" role="alert">
            {loaded.errors.map((e) => (
              <p>{apiErrorInWords(ctx, e)}</p>
            ))}
          </div>
        )}
        {page && (
          <>
            <p class="count" role="status" data-count={page.totalCount}>
              {t(page.totalCount === 1 ? "directory.countOne" : "directory.count", { count: page.totalCount })}
            </p>
            <p class="downloads no-print">
              <a href={localHref(ctx, "/directory.csv", downloads)} download>
                {t("directory.csv")}
              </a>{" "}
              · <a href={localHref(ctx, "/directory.json", downloads)}>{t("directory.json")}</a> ·{" "}
              <button type="button" class="link" data-print hidden>
                {t("directory.print")}
              </button>
            </p>
            {page.nodes.length ? (
              <DirectoryTables ctx={ctx} page={page} procedures={loaded.choices?.procedures ?? []} officeHref={(id) => localHref(ctx, `/offices/${encodeURIComponent(id)}`)} />
            ) : (
              <p class="notice">{t("directory.empty")}</p>
            )}
            <Pager ctx={ctx} path="/" q={q} hasNext={page.pageInfo.hasNextPage} endCursor={page.pageInfo.endCursor} />
          </>
        )}
      </Layout>
    ),
  };
}
