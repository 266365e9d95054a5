import { DataQualityReportDocument, type QualityListFragment } from "../../../operations/generated/graphql";
import type { Api } from "../api/graphql";
import { Layout, localHref, type PageContext } from "../components/layout";
import { countryName, dateInWords, safeHttpUrl } from "../format/office";
import type { PageResult } from "../http/page";
import { messagePage } from "../components/message-page";
import type { ComponentChildren } from "preact";

/** Each list shows this many rows; its count is always complete (`npm run data:check` lists all). */
export const QUALITY_ROWS = 25;

const officeLink = (ctx: PageContext, id: string) => <a href={localHref(ctx, `/offices/${encodeURIComponent(id)}`)}>{id}</a>;

function More(props: { ctx: PageContext; shown: number; count: number }) {
  if (props.count <= props.shown) return null;
  return <p class="muted">{props.ctx.t("quality.more", { shown: props.shown, count: props.count })}</p>;
}

/** A report section: its title with the full count, "none" when empty, its table, and how many of the count it shows. */
function CountedSection(props: { ctx: PageContext; id: string; title: string; count: number; shown: number; note?: string; children: ComponentChildren }) {
  const { ctx } = props;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>
        {props.title} <span class="muted">({props.count})</span>
      </h2>
      {props.note && <p class="muted">{props.note}</p>}
      {props.shown === 0 ? <p class="muted">{ctx.t("quality.none")}</p> : <div class="scroll">{props.children}</div>}
      <More ctx={ctx} shown={props.shown} count={props.count} />
    </section>
  );
}

function OfficeList(props: { ctx: PageContext; id: string; title: string; section: QualityListFragment; note?: string }) {
  const { ctx, section } = props;
  const { t } = ctx;
  const rows = section.offices.slice(0, QUALITY_ROWS);
  return (
    <CountedSection ctx={ctx} id={props.id} title={props.title} count={section.count} shown={rows.length} note={props.note}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("office.name")}</th>
            <th scope="col">{t("directory.sender")}</th>
            <th scope="col">{t("directory.host")}</th>
            <th scope="col">{t("office.kind")}</th>
            <th scope="col">{t("change.city")}</th>
            <th scope="col">{t("quality.detail")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr>
              <th scope="row">{officeLink(ctx, o.id)}</th>
              <td>{countryName(o.sender, ctx.lang)}</td>
              <td>{countryName(o.host, ctx.lang)}</td>
              <td>{o.kindLabel}</td>
              <td>{o.city ?? ""}</td>
              <td lang="en">{o.detail ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </CountedSection>
  );
}

/** /secretariat/data-quality: the dataQuality report (the same as `npm run data:check`) as a page. */
export async function dataQualityPage(ctx: PageContext, api: Api): Promise<PageResult> {
  const { t, lang } = ctx;
  const title = t("quality.title");
  const answer = await api.run(DataQualityReportDocument, {}, { lang });
  const q = answer.data?.dataQuality;
  if (!q) return messagePage(ctx, 502, title, t("error.unavailable"));
  const sections: { id: string; title: string; section: QualityListFragment; note?: string }[] = [
    { id: "q-position", title: t("quality.withoutPosition"), section: q.withoutPosition },
    { id: "q-outside", title: t("quality.outsideHost"), section: q.outsideHost },
    { id: "q-procedures", title: t("quality.noProcedure"), section: q.noProcedureFilterReturns },
    { id: "q-honorary", title: t("quality.honorary"), section: q.honoraryDetaineeOnly },
    { id: "q-verified", title: t("quality.notVerified"), section: q.notVerifiedForAYear },
    { id: "q-contacts", title: t("quality.withNone"), section: q.contacts.withNone },
  ];
  const duplicates = q.likelyDuplicates.slice(0, QUALITY_ROWS);
  const doubtful = q.doubtfulRows.slice(0, QUALITY_ROWS);
  return {
    title,
    shared: false,
    body: (
      <Layout ctx={ctx} title={title}>
        <nav aria-label={t("office.breadcrumb")} class="breadcrumb">
          <a href={localHref(ctx, "/secretariat")}>{t("secretariat.title")}</a> › <span>{title}</span>
        </nav>
        <h1>{title}</h1>
        <p>{t("quality.intro", { date: dateInWords(q.generatedOn, lang) ?? q.generatedOn, offices: q.offices, rows: QUALITY_ROWS })}</p>
        <section aria-labelledby="q-summary">
          <h2 id="q-summary">{t("quality.summary")}</h2>
          <ul>
            {sections.map((s) => (
              <li>
                <a href={`#${s.id}`}>{s.title}</a>: {s.section.count}
              </li>
            ))}
            <li>
              <a href="#q-duplicates">{t("quality.duplicates")}</a>: {q.likelyDuplicates.length}
            </li>
            <li>
              <a href="#q-gaps">{t("quality.gaps")}</a>: {q.nationalitiesWithoutOffice.length}
            </li>
            <li>
              <a href="#q-doubtful">{t("quality.doubtful")}</a>: {q.doubtfulRows.length}
            </li>
          </ul>
          <h3>{t("quality.contacts")}</h3>
          <dl class="details">
            {(
              [
                ["office.phones", q.contacts.withPhone],
                ["office.emails", q.contacts.withEmail],
                ["change.address", q.contacts.withAddress],
                ["office.website", q.contacts.withWebsite],
              ] as const
            ).map(([key, count]) => (
              <div>
                <dt>{t(key)}</dt>
                <dd>{t("quality.ofOffices", { count, offices: q.contacts.offices })}</dd>
              </div>
            ))}
          </dl>
        </section>
        {sections.map((s) => (
          <OfficeList ctx={ctx} {...s} />
        ))}
        <section aria-labelledby="q-duplicates">
          <h2 id="q-duplicates">
            {t("quality.duplicates")} <span class="muted">({q.likelyDuplicates.length})</span>
          </h2>
          {duplicates.length === 0 ? (
            <p class="muted">{t("quality.none")}</p>
          ) : (
            <ul>
              {duplicates.map((d) => (
                <li>
                  <code>{d.key}</code>:{" "}
                  {d.ids.map((id, i) => (
                    <>
                      {i > 0 && ", "}
                      {officeLink(ctx, id)}
                    </>
                  ))}
                </li>
              ))}
            </ul>
          )}
          <More ctx={ctx} shown={duplicates.length} count={q.likelyDuplicates.length} />
        </section>
        <section aria-labelledby="q-gaps">
          <h2 id="q-gaps">
            {t("quality.gaps")} <span class="muted">({q.nationalitiesWithoutOffice.length})</span>
          </h2>
          {q.nationalitiesWithoutOffice.length === 0 ? (
            <p class="muted">{t("quality.none")}</p>
          ) : (
            <ul>
              {q.nationalitiesWithoutOffice.map((g) => {
                const url = safeHttpUrl(g.sourceUrl);
                return (
                  <li>
                    <strong>{g.country}</strong>: <span lang="en">{g.basis}</span>
                    {url && (
                      <>
                        {" "}
                        (
                        <a href={url} rel="noopener noreferrer external">
                          {t("office.source")}
                        </a>
                        )
                      </>
                    )}{" "}
                    · {t("quality.elsewhere", { count: g.officesElsewhere })}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <CountedSection ctx={ctx} id="q-doubtful" title={t("quality.doubtful")} count={q.doubtfulRows.length} shown={doubtful.length}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("office.name")}</th>
                <th scope="col">{t("quality.doubt")}</th>
                <th scope="col">{t("quality.finding")}</th>
                <th scope="col">{t("quality.verdict")}</th>
                <th scope="col">{t("office.sources")}</th>
              </tr>
            </thead>
            <tbody>
              {doubtful.map((d) => (
                <tr>
                  <th scope="row">{d.kind ? officeLink(ctx, d.representationId) : d.representationId}</th>
                  {/* The doubtful rows' notes are written in English (subgraphs/directory/data/doubtful-rows.csv): marked as such. */}
                  <td lang="en">{d.doubt}</td>
                  <td lang="en">{d.finding}</td>
                  <td lang="en">{d.verdict}</td>
                  <td class="sources">
                    {d.sources.map((s) => {
                      const url = safeHttpUrl(s);
                      return (
                        <span class="block">
                          {url ? (
                            <a href={url} rel="noopener noreferrer external">
                              {s}
                            </a>
                          ) : (
                            s
                          )}
                        </span>
                      );
                    })}
                    {d.sourceDate && <span class="muted block">{dateInWords(d.sourceDate, lang)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </CountedSection>
      </Layout>
    ),
  };
}
