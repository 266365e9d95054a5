import type { Request } from "express";
import { OfficePageDocument } from "../../../operations/generated/graphql";
import type { Api } from "../api/graphql";
import { Caveats, Emails, Freshness, Phones, SourceNote, Website } from "../components/office-bits";
import { Layout, localHref, type PageContext } from "../components/layout";
import { dateInWords, hoursInWords, safeHttpUrl } from "../format/office";
import { gqlLang, type MessageKey } from "../i18n";
import { officeMap } from "../map/office-map";
import type { PageResult } from "../http/page";
import { messagePage } from "../components/message-page";
import type { ComponentChildren } from "preact";

export type Office = NonNullable<Awaited<ReturnType<typeof loadOffice>>>;

export async function loadOffice(api: Api, ctx: PageContext, id: string) {
  const answer = await api.run(OfficePageDocument, { id, lang: gqlLang(ctx.lang) }, { lang: ctx.lang });
  return answer.data?.representation ?? null;
}

function Row(props: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/** Extra sections other features add to an office's page (e.g. the correction form for officials). */
export type OfficeSection = (ctx: PageContext, office: Office) => ComponentChildren;

export async function officePage(ctx: PageContext, api: Api, req: Request, sections: OfficeSection[] = []): Promise<PageResult> {
  const { t, lang } = ctx;
  const id = String(req.params.id ?? "");
  const office = id.length <= 64 ? await loadOffice(api, ctx, id) : null;
  if (!office) return messagePage(ctx, 404, t("error.notFoundTitle"), t("office.notFound"), { href: localHref(ctx, "/"), text: t("nav.directory") });
  const resident = office.jurisdiction.filter((j) => j.basis === "RESIDENT").map((j) => j.country.name);
  const concurrent = office.jurisdiction.filter((j) => j.basis === "CONCURRENT_ACCREDITATION").map((j) => j.country.name);
  const map = office.coordinates ? officeMap(ctx, office) : null;
  const sources = office.fieldSources;
  return {
    title: office.name,
    body: (
      <Layout ctx={ctx} title={office.name}>
        <nav aria-label={t("office.breadcrumb")} class="breadcrumb">
          <a href={localHref(ctx, "/", { host: office.hostCountry.code })}>{t("directory.title")}</a> › <span>{office.hostCountry.name}</span>
        </nav>
        <h1>{office.name}</h1>
        <p class="lead">
          {office.kindLabel} · {office.sendingCountry.name}
          {office.status !== "ACTIVE" && (
            <strong class="status">
              {" "}
              · {t(`status.${office.status}` as MessageKey)}
              {office.statusSince && ` (${dateInWords(office.statusSince, lang)})`}
            </strong>
          )}
        </p>
        {office.status !== "ACTIVE" && <SourceNote ctx={ctx} sources={sources} field="STATUS" value={office.status} />}
        <Caveats ctx={ctx} kind={office.kind} caveats={office.caveats} sources={sources} />
        <div class="office-grid">
          <section aria-labelledby="details-heading">
            <h2 id="details-heading">{t("office.details")}</h2>
            <dl class="details">
              <Row label={t("office.where")}>
                {office.city ? `${office.city}, ` : ""}
                {office.hostCountry.name}
                {office.address && <span class="address">{office.address}</span>}
                {office.address && <SourceNote ctx={ctx} sources={sources} field="ADDRESS" value={office.address} />}
              </Row>
              <Row label={t("office.phones")}>{office.phones.length ? <Phones phones={office.phones} ctx={ctx} sources={sources} /> : <span class="muted">{t("office.none")}</span>}</Row>
              <Row label={t("office.emails")}>{office.emails.length ? <Emails emails={office.emails} ctx={ctx} sources={sources} /> : <span class="muted">{t("office.none")}</span>}</Row>
              <Row label={t("office.website")}>
                {safeHttpUrl(office.website) ? (
                  <>
                    <Website url={office.website} ctx={ctx} />
                    <SourceNote ctx={ctx} sources={sources} field="WEBSITE" value={office.website ?? ""} />
                  </>
                ) : (
                  <span class="muted">{t("office.none")}</span>
                )}
              </Row>
              <Row label={t("office.hours")}>
                {hoursInWords(office.openingHours, lang) ?? <span class="muted">{t("office.noHours")}</span>}
                {office.openingHours && <SourceNote ctx={ctx} sources={sources} field="OPENING_HOURS" value={office.openingHours} />}
              </Row>
              {office.languages.length > 0 && <Row label={t("office.languages")}>{office.languages.join(", ")}</Row>}
              <Row label={t("office.actsIn")}>
                {resident.length > 0 && <span>{t("office.resident", { countries: resident.join(", ") })}</span>}
                {concurrent.length > 0 && <span class="block">{t("office.concurrent", { countries: concurrent.join(", ") })}</span>}
              </Row>
              <Row label={t("office.freshness")}>
                <Freshness ctx={ctx} level={office.staleness.level} lastVerifiedOn={office.provenance.lastVerifiedOn} byCountry={office.provenance.verifiedByCountry} />
              </Row>
            </dl>
          </section>
          {map && (
            <section aria-labelledby="map-heading" class="map">
              <h2 id="map-heading">{t("office.map")}</h2>
              <figure>
                <div class="map-frame" dangerouslySetInnerHTML={{ __html: map.svg }} />
                <figcaption>{map.caption}</figcaption>
              </figure>
            </section>
          )}
        </div>
        <section aria-labelledby="procedures-heading">
          <h2 id="procedures-heading">{t("office.procedures")}</h2>
          {office.procedures.length ? (
            <ul class="procedures">
              {office.procedures.map((p) => (
                <li>
                  <span class={`offer ${p.basis === "CONFIRMED" ? "confirmed" : "typical"}`} aria-hidden="true">
                    {p.basis === "CONFIRMED" ? "●" : "○"}
                  </span>{" "}
                  {p.procedure.label} — <span>{p.basis === "CONFIRMED" ? t("matrix.confirmed") : t("matrix.typical")}</span>
                  {p.note && <span class="muted"> · {p.note}</span>}
                  {safeHttpUrl(p.sourceUrl) && (
                    <>
                      {" "}
                      <a href={safeHttpUrl(p.sourceUrl)!} rel="noopener noreferrer external">
                        {t("office.source")}
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t("office.noProcedures")}</p>
          )}
        </section>
        <section aria-labelledby="sources-heading">
          <h2 id="sources-heading">{t("office.sources")}</h2>
          <ul class="sources">
            {office.provenance.sources.map((s) => {
              const url = safeHttpUrl(s);
              return (
                <li>
                  {url ? (
                    <a href={url} rel="noopener noreferrer external">
                      {s}
                    </a>
                  ) : (
                    s
                  )}
                </li>
              );
            })}
          </ul>
          <p class="muted">
            {office.provenance.sourceDate && t("office.sourceDate", { date: dateInWords(office.provenance.sourceDate, lang) ?? "" })}{" "}
            {office.provenance.lastVerifiedOn && t("office.lastVerified", { date: dateInWords(office.provenance.lastVerifiedOn, lang) ?? "" })}
          </p>
        </section>
        {sections.map((section) => section(ctx, office))}
      </Layout>
    ),
  };
}
