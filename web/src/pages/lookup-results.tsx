import type { PlaceKind } from "../../../operations/generated/graphql";
import { localHref, type PageContext } from "../components/layout";
import { Caveats, Emails, Freshness, Phones, Website } from "../components/office-bits";
import { safeHttpUrl } from "../format/office";
import { distanceInWords, hoursInWords } from "../format/office";
import type { MessageKey } from "../i18n";
import { LookupMap } from "./lookup-map";
import { lookupParams, officeHref, type LookupQuery } from "./lookup-query";

import type { Nearest } from "./lookup-query";
export type { Nearest };
type ForNationality = Nearest["byNationality"][number];
type Result = ForNationality["results"][number];

/** A place the API suggested when it could not find the name (extensions.suggestions / elsewhere). */
export interface Suggestion {
  name: string;
  country: string;
}

export const placeKindWords = (ctx: PageContext, kind: PlaceKind) => ctx.t(`placeKind.${kind}` as MessageKey);

/** The same question about another place; `#results` takes a phone past the form to the answer. */
const placeHref = (ctx: PageContext, q: LookupQuery, name: string, country: string) =>
  `${localHref(ctx, "/lookup", lookupParams(q, { place: name, country, latitude: undefined, longitude: undefined }))}#results`;

/** "Paso Canoas, Costa Rica — border post": the place's name and country, and what kind of place it is. */
/** `withDivision`: its state too, when namesakes are offered or the text named more than the place ("Tonalá, Chiapas"). */
function placeInWords(ctx: PageContext, place: Nearest["place"], kind: PlaceKind | undefined, withItsDivision: boolean): string {
  if (place.matchedBy === "COORDINATES") {
    // The API names a position "14.9, -92.3 (near Tapachula)": said in the page's language.
    const near = /^(.*) \(near (.+)\)$/.exec(place.name);
    return near ? ctx.t("lookup.positionNear", { place: near[1], town: near[2], country: place.country.name }) : ctx.t("lookup.position", { place: place.name, country: place.country.name });
  }
  const where = `${withItsDivision ? withDivision(place) : place.name}, ${place.country.name}`;
  return kind ? `${where} — ${placeKindWords(ctx, kind)}` : where;
}

type Named = { name: string; country: { code: string }; division?: { code: string; name: string } | null };

/** Whether another of the places has the same name in the same country but another state (Tonalá, Jalisco and Tonalá, Chiapas). */
const hasNamesake = (place: Named, places: Named[]) => places.some((p) => p !== place && p.name === place.name && p.country.code === place.country.code && p.division?.code !== place.division?.code);

/** "Tonalá (Chiapas)": a place with its state, province or department, which tells namesakes apart. */
const withDivision = (place: { name: string; division?: { name: string } | null }) => (place.division ? `${place.name} (${place.division.name})` : place.name);

/** What to ask for another place: "Tonalá, Chiapas" picks that Tonalá, not the larger namesake. */
const placeText = (place: { name: string; division?: { name: string } | null }) => (place.division ? `${place.name}, ${place.division.name}` : place.name);

/** The basis in plain words: resident here, accredited here from another country, or no competence here. */
function basisInWords(ctx: PageContext, result: Result, placeCountry: string): string {
  const host = result.representation.hostCountry.name;
  if (result.basis === "RESIDENT") return ctx.t("lookup.basisResident", { country: host });
  if (result.basis === "CONCURRENT_ACCREDITATION") return ctx.t("lookup.basisConcurrent", { country: placeCountry, host });
  return ctx.t("lookup.basisNone");
}

/**
 * Every way to reach the office, the quickest first: a phone as a large call button
 * (a number that dials), the other numbers, e-mail, the website. "No contact details"
 * only when the directory has none of them.
 */
function ContactWays(props: { ctx: PageContext; office: Result["representation"] }) {
  const { ctx, office } = props;
  const { t } = ctx;
  const dialable = office.phones.find((p) => p.e164 && p.label !== "WHATSAPP") ?? office.phones.find((p) => p.e164);
  const others = office.phones.filter((p) => p !== dialable);
  const website = safeHttpUrl(office.website);
  if (!office.phones.length && !office.emails.length && !website) return <span class="muted">{t("office.noContact")}</span>;
  return (
    <>
      {dialable && (
        <a class="call-button" href={`tel:${dialable.e164}`}>
          {t("lookup.call", { number: dialable.raw })}
          {dialable.label && dialable.label !== "GENERAL" && <span class="call-label"> ({t(`phone.${dialable.label}` as MessageKey)})</span>}
        </a>
      )}
      <Phones phones={others} ctx={ctx} />
      <Emails emails={office.emails} />
      {website && (
        <p class="website">
          <Website url={website} ctx={ctx} />
        </p>
      )}
    </>
  );
}

function ResultItem(props: { ctx: PageContext; result: Result; placeCountry: string }) {
  const { ctx, result } = props;
  const { t, lang } = ctx;
  const office = result.representation;
  const distance = distanceInWords(result.distanceKm, lang);
  return (
    <li class={result.coversLocation ? "covers" : "no-cover"} data-office={office.id} data-basis={result.basis}>
      <h3>
        <a href={officeHref(ctx, office.id)}>{office.name}</a>
      </h3>
      <p class="basis">
        <strong>{basisInWords(ctx, result, props.placeCountry)}</strong>
      </p>
      <p class="muted">
        {office.kindLabel} · {office.city ? `${office.city}, ` : ""}
        {office.hostCountry.name}
        {office.status !== "ACTIVE" && <strong class="status"> · {t(`status.${office.status}` as MessageKey)}</strong>}
        {office.address && <span class="address">{office.address}</span>}
      </p>
      <Caveats ctx={ctx} kind={office.kind} caveats={office.caveats} />
      <dl class="details">
        <div>
          <dt>{t("lookup.distance")}</dt>
          <dd>
            {distance ?? <span class="muted">{t("lookup.noDistance")}</span>}
            {distance && result.coordinatePrecision === "CITY" && <span class="muted"> ({t("lookup.approximate")})</span>}
          </dd>
        </div>
        <div>
          <dt>{t("office.contact")}</dt>
          <dd>
            <ContactWays ctx={ctx} office={office} />
          </dd>
        </div>
        <div>
          <dt>{t("office.hours")}</dt>
          <dd>{hoursInWords(office.openingHours, lang) ?? <span class="muted">{t("office.noHours")}</span>}</dd>
        </div>
        <div>
          <dt>{t("office.freshness")}</dt>
          <dd>
            <Freshness ctx={ctx} level={office.staleness.level} lastVerifiedOn={office.provenance.lastVerifiedOn} />
          </dd>
        </div>
      </dl>
    </li>
  );
}

/**
 * The answer built for the call: the offices that can act here, then — folded behind one
 * line when at least one can act — the nearer ones that cannot ("3 more offices, no
 * competence here"), so the official sees where to call first. With none that can act,
 * the others are the answer and show in full.
 */
function GroupResults(props: { ctx: PageContext; group: ForNationality; placeCountry: string }) {
  const { ctx, group } = props;
  const acting = group.results.filter((r) => r.coversLocation);
  const others = group.results.filter((r) => !r.coversLocation);
  if (!group.results.length) return null;
  const list = (results: Result[], start: number) => (
    <ol class="results" start={start}>
      {results.map((r) => (
        <ResultItem ctx={ctx} result={r} placeCountry={props.placeCountry} />
      ))}
    </ol>
  );
  if (!acting.length || !others.length) return list(group.results, 1);
  return (
    <>
      {list(acting, 1)}
      <details class="more-offices">
        <summary>{ctx.t(others.length === 1 ? "lookup.moreWithoutCompetenceOne" : "lookup.moreWithoutCompetence", { count: others.length })}</summary>
        {list(others, acting.length + 1)}
      </details>
    </>
  );
}

/** What to do when no office of the nationality can act here, beyond the API's own advice. */
function NextSteps(props: { ctx: PageContext; q: LookupQuery; group: ForNationality }) {
  const { ctx, q, group } = props;
  const reason = group.emptyReason;
  if (!reason) return null;
  return (
    <div class="notice" data-reason={reason.code}>
      <p>{reason.message}</p>
      <ul class="plain">
        {reason.code === "NO_OFFICE_MATCHES" && q.procedure && (
          <li>
            <a href={localHref(ctx, "/lookup", lookupParams(q, { procedure: undefined }))}>{ctx.t("lookup.withoutProcedure")}</a>
          </li>
        )}
        {reason.code !== "CRM_MEMBER_STATE" && (
          <li>
            <a href={localHref(ctx, "/", { sender: group.nationality.code })}>{ctx.t("lookup.allOffices", { country: group.nationality.name })}</a>
          </li>
        )}
      </ul>
    </div>
  );
}

export function LookupResults(props: { ctx: PageContext; q: LookupQuery; result: Nearest; procedures: { code: string; label: string }[] }) {
  const { ctx, q, result } = props;
  const { t } = ctx;
  const place = result.place;
  // The answer says what kind of place it took ("border post"); positions have none.
  const kind = place.kind ?? undefined;
  const procedure = q.procedure && props.procedures.find((p) => p.code === q.procedure)?.label;
  // A namesake in another state of the same country is another place: offered, with its state.
  const others = place.alternatives.filter((a) => !(a.name === place.name && a.country.code === place.country.code && a.division?.code === place.division?.code));
  const all: Named[] = [place, ...others];
  return (
    <div class="lookup-results" id="results">
      <section aria-labelledby="place-heading" class="understood">
        <h2 id="place-heading">{t("lookup.understood")}</h2>
        <p class="place-understood" data-place-country={place.country.code}>
          <strong>{placeInWords(ctx, place, kind, hasNamesake(place, all) || /[,(]/.test(q.place ?? ""))}</strong>
        </p>
        {place.matchedBy === "PARTIAL" && <p class="notice">{t("lookup.partialMatch")}</p>}
        {procedure && <p class="muted">{t("lookup.onlyProcedure", { procedure })}</p>}
        {others.length > 0 && (
          <p class="alternatives">
            {t("lookup.otherPlaces")}{" "}
            {others.map((a, i) => (
              <>
                {i > 0 && " · "}
                <a
                  href={placeHref(ctx, q, hasNamesake(a, all) ? placeText(a) : a.name, a.country.code)}
                >{`${hasNamesake(a, all) ? withDivision(a) : a.name}, ${a.country.name} — ${placeKindWords(ctx, a.kind)}`}</a>
              </>
            ))}
          </p>
        )}
      </section>
      {result.byNationality.map((group) => (
        <section aria-labelledby={`nationality-${group.nationality.code}`} class="nationality" data-nationality={group.nationality.code}>
          <h2 id={`nationality-${group.nationality.code}`}>{t("lookup.officesOf", { country: group.nationality.name })}</h2>
          <NextSteps ctx={ctx} q={q} group={group} />
          <GroupResults ctx={ctx} group={group} placeCountry={place.country.name} />
        </section>
      ))}
      <LookupMap ctx={ctx} result={result} />
    </div>
  );
}

/** The place name was not found: the error is beside the field; here, the places it may have meant, as links that ask again. */
export function PlaceNotFound(props: { ctx: PageContext; q: LookupQuery; suggestions: Suggestion[]; countryName: (code: string) => string }) {
  const { ctx, q } = props;
  return (
    <section aria-labelledby="suggestions-heading" class="notice error" id="results">
      <h2 id="suggestions-heading">{ctx.t("lookup.placeNotFoundTitle", { place: q.place ?? "" })}</h2>
      {props.suggestions.length > 0 ? (
        <>
          <p>{ctx.t("lookup.didYouMean")}</p>
          <ul class="did-you-mean">
            {props.suggestions.map((s) => (
              <li>
                <a href={placeHref(ctx, q, s.name, s.country)}>{`${s.name}, ${props.countryName(s.country)}`}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{ctx.t("lookup.noSuggestions")}</p>
      )}
    </section>
  );
}
