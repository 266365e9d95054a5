import { PlaceSuggestionsDocument, type LookupChoicesQuery } from "../../../operations/generated/graphql";
import { localHref, type PageContext } from "../components/layout";
import { gqlLang } from "../i18n";
import { MAX_NATIONALITIES, type LookupQuery } from "./lookup-query";
import { placeKindWords } from "./lookup-results";

export interface FieldErrors {
  nationality?: string;
  place?: string;
}

/** The trusted-document id site.js asks the place search by (GET /graphql?documentId=…, cacheable). */
const PLACES_DOCUMENT_ID = (PlaceSuggestionsDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

function ErrorText(props: { id: string; message?: string }) {
  if (!props.message) return null;
  return (
    <span id={props.id} class="error-text">
      {props.message}
    </span>
  );
}

/**
 * The lookup form: GET, complete without JavaScript. Presumed nationalities are a few
 * ordinary selects (one tab stop each, type-ahead, the phone's own picker) rather than a
 * list of 250 checkboxes; site.js adds place autocomplete and "use my location".
 */
export function LookupForm(props: { ctx: PageContext; q: LookupQuery; choices: LookupChoicesQuery | null; errors: FieldErrors }) {
  const { ctx, q, errors } = props;
  const { t } = ctx;
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, ctx.lang);
  // Territories without nationals left out; the nationalities the CRM meets most first, in their own group.
  const nationalities = [...(props.choices?.nationalities ?? [])].filter((n) => !n.uninhabited).sort(byName);
  const frequent = nationalities.filter((n) => n.metMostInRegion);
  const rest = nationalities.filter((n) => !n.metMostInRegion);
  const hosts = [...(props.choices?.hosts ?? [])].sort(byName);
  const viewerCountry = ctx.viewer.country ?? undefined;
  if (viewerCountry && !hosts.some((h) => h.code === viewerCountry)) {
    const own = nationalities.find((n) => n.code === viewerCountry);
    if (own) hosts.unshift(own);
  }
  const country = q.country ?? viewerCountry;
  const viewerCountryName = viewerCountry && (hosts.find((h) => h.code === viewerCountry)?.name ?? viewerCountry);
  const selects = Math.min(MAX_NATIONALITIES, Math.max(3, q.nationalities.length + 1));
  const located = q.place === undefined && q.latitude !== undefined;
  return (
    <form method="get" action="/lookup#results" class="lookup-form" aria-labelledby="lookup-form-heading" novalidate data-offline-lang={ctx.lang}>
      <h2 id="lookup-form-heading" class="sr-only">
        {t("lookup.formHeading")}
      </h2>
      <input type="hidden" name="lang" value={ctx.lang} />
      <fieldset class="field nationalities">
        <legend>{t("lookup.nationalities")}</legend>
        <span id="f-nationality-hint" class="hint">
          {t("lookup.nationalitiesHint")}
        </span>
        <ErrorText id="f-nationality-error" message={errors.nationality} />
        {Array.from({ length: selects }, (_, i) => (
          <p class="field">
            <label for={`f-nationality-${i + 1}`}>{i === 0 ? t("lookup.nationality1") : t("lookup.nationalityMore", { n: i + 1 })}</label>
            <select
              id={`f-nationality-${i + 1}`}
              name="nationality"
              aria-describedby={i === 0 ? describedBy("f-nationality-hint", errors.nationality && "f-nationality-error") : undefined}
              aria-invalid={i === 0 && errors.nationality ? "true" : undefined}
            >
              <option value="">{i === 0 ? t("lookup.chooseNationality") : t("lookup.noOther")}</option>
              {[
                [t("lookup.frequentNationalities"), frequent],
                [t("lookup.allNationalities"), rest],
              ].map(([label, group]) => (
                <optgroup label={label as string}>
                  {(group as typeof nationalities).map((n) => (
                    <option value={n.code} selected={q.nationalities[i] === n.code}>
                      {n.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </p>
        ))}
      </fieldset>
      <div class="field place">
        <label for="f-place">{t("lookup.place")}</label>
        <input
          id="f-place"
          name="place"
          type="text"
          value={q.place ?? ""}
          maxLength={200}
          autocomplete="off"
          spellcheck={false}
          aria-describedby={describedBy("f-place-hint", errors.place && "f-place-error", "f-geo-status")}
          aria-invalid={errors.place ? "true" : undefined}
          data-places={PLACES_DOCUMENT_ID}
          data-lang={gqlLang(ctx.lang)}
          data-country="#f-country"
          data-kind-city={placeKindWords(ctx, "CITY")}
          data-kind-border_post={placeKindWords(ctx, "BORDER_POST")}
          data-kind-reception_point={placeKindWords(ctx, "RECEPTION_POINT")}
          data-count={t("lookup.suggestionCount", { count: "{count}" })}
        />
        <ul id="f-place-options" role="listbox" class="suggestions" aria-label={t("lookup.placeSuggestions")} hidden></ul>
        <span id="f-place-hint" class="hint">
          {t("lookup.placeHint")}
        </span>
        <ErrorText id="f-place-error" message={errors.place} />
        <input type="hidden" name="lat" id="f-lat" value={located ? String(q.latitude) : ""} />
        <input type="hidden" name="lon" id="f-lon" value={located ? String(q.longitude) : ""} />
        <p class="geo">
          <button
            type="button"
            class="secondary"
            data-geolocate="#f-place"
            data-locating={t("lookup.locating")}
            data-located={t("lookup.located", { latitude: "{latitude}", longitude: "{longitude}" })}
            data-failed={t("lookup.locationFailed")}
            hidden
          >
            {t("lookup.useLocation")}
          </button>{" "}
          <span id="f-geo-status" class="hint" role="status">
            {located ? t("lookup.located", { latitude: String(q.latitude), longitude: String(q.longitude) }) : ""}
          </span>
        </p>
      </div>
      <p class="field">
        <label for="f-country">{t("lookup.country")}</label>
        <select id="f-country" name="country" aria-describedby="f-country-hint">
          {!viewerCountry && <option value="">{t("lookup.anyCountry")}</option>}
          {hosts.map((h) => (
            <option value={h.code} selected={h.code === country}>
              {h.name}
            </option>
          ))}
        </select>
        <span id="f-country-hint" class="hint">
          {viewerCountryName ? t("lookup.viewerCountry", { country: viewerCountryName }) : t("lookup.countryHint")}
        </span>
      </p>
      <p class="field">
        <label for="f-procedure">{t("lookup.procedure")}</label>
        <select id="f-procedure" name="procedure">
          <option value="">{t("directory.anyProcedure")}</option>
          {(props.choices?.procedures ?? []).map((p) => (
            <option value={p.code} selected={p.code === q.procedure}>
              {p.label}
            </option>
          ))}
        </select>
      </p>
      <p class="actions">
        <button type="submit">{t("lookup.submit")}</button> <a href={localHref(ctx, "/lookup")}>{t("lookup.reset")}</a>
      </p>
    </form>
  );
}
