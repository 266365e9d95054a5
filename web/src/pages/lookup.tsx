import type { Request } from "express";
import { LookupChoicesDocument, LookupPageDocument } from "../../../operations/generated/graphql";
import type { Api, GraphQLError } from "../api/graphql";
import { Layout, type PageContext } from "../components/layout";
import type { PageResult } from "../http/page";
import { gqlLang } from "../i18n";
import { LookupForm, type FieldErrors } from "./lookup-form";
import { lookupQuery, type LookupQuery } from "./lookup-query";
import { LookupResults, PlaceNotFound, type Suggestion } from "./lookup-results";

/** Offices listed per nationality. */
const PER_NATIONALITY = 5;

async function loadLookup(api: Api, ctx: PageContext, q: LookupQuery) {
  const lang = gqlLang(ctx.lang);
  const ready = q.nationalities.length > 0 && (q.place !== undefined || q.latitude !== undefined);
  const byName = q.place !== undefined;
  const choicesAnswer = api.run(LookupChoicesDocument, { lang }, { lang: ctx.lang });
  if (q.procedure) {
    // A procedure the catalogue does not know is dropped, like any malformed part of a shared link
    // (the API would refuse the whole question). Only then is the lookup asked after the lists.
    const procedures = (await choicesAnswer).data?.procedures;
    if (procedures && !procedures.some((p) => p.code === q.procedure)) q.procedure = undefined;
  }
  const ask = () =>
    api.run(
      LookupPageDocument,
      {
        nationalities: q.nationalities,
        ...(byName ? { place: q.place } : { place: null, latitude: q.latitude, longitude: q.longitude }),
        ...(q.country && { country: q.country }),
        ...(q.procedure && { procedure: q.procedure }),
        first: PER_NATIONALITY,
        lang,
      },
      { lang: ctx.lang },
    );
  const [choices, answer] = await Promise.all([choicesAnswer, ready ? ask() : undefined]);
  return { choices: choices.data, answer, errors: [...choices.errors, ...(answer?.errors ?? [])] };
}

type Loaded = Awaited<ReturnType<typeof loadLookup>>;

/** What the visitor must fix before asking (nothing when the form is empty). */
function missingFields(ctx: PageContext, q: LookupQuery): FieldErrors {
  if (!q.asked) return {};
  const errors: FieldErrors = {};
  if (!q.nationalities.length) errors.nationality = ctx.t("lookup.needNationality");
  if (q.tooManyNationalities) errors.nationality = ctx.t("lookup.tooManyNationalities", { max: 10 });
  if (q.place === undefined && q.latitude === undefined) errors.place = ctx.t("lookup.needPlace");
  return errors;
}

/** The API's bad-input errors, next to the field they name; "place not found" with its suggestions. */
function inputErrors(ctx: PageContext, errors: GraphQLError[]) {
  const fields: FieldErrors = {};
  let suggestions: Suggestion[] | undefined;
  const other: string[] = [];
  for (const error of errors) {
    const field = error.extensions?.code === "BAD_USER_INPUT" ? error.extensions.field : undefined;
    // The page asks the place search beside the lookup: its "search" error is the same "not found".
    if (field === "near.place" || field === "search") {
      fields.place = ctx.t("lookup.placeNotFound");
      const found = [...asSuggestions(error.extensions?.suggestions), ...asSuggestions(error.extensions?.elsewhere)];
      suggestions = found.filter((s, i) => found.findIndex((o) => o.name === s.name && o.country === s.country) === i);
    } else if (field === "nationalities") fields.nationality = ctx.t("lookup.badNationality");
    else if (field?.startsWith("near.") || field === "country") fields.place = ctx.t("lookup.badPosition");
    else other.push(error.message);
  }
  return { fields, suggestions, other };
}

function asSuggestions(value: unknown): Suggestion[] {
  if (!Array.isArray(value)) return [];
  return value.filter((s): s is Suggestion => typeof s?.name === "string" && typeof s?.country === "string").map((s) => ({ name: s.name, country: s.country }));
}

/**
 * /lookup: the border lookup (docs/web.md). An official picks one or more presumed
 * nationalities and a place (typed, or the device's position) and gets, per nationality, the
 * nearest offices that can act there first, with the basis in words, distance, phones and
 * hours. Works without JavaScript; site.js adds place autocomplete and geolocation.
 */
export async function lookupPage(ctx: PageContext, api: Api, req: Request): Promise<PageResult> {
  const { t } = ctx;
  const q = lookupQuery(req.query);
  const missing = missingFields(ctx, q);
  const loaded: Loaded = await loadLookup(api, ctx, q);
  const input = inputErrors(ctx, loaded.errors);
  const fields = { ...missing, ...input.fields };
  const result = loaded.answer?.data?.nearestRepresentations;
  // A position's name ("14.9, -92.3 (near Tapachula)") in the page's language.
  const placeName = result ? result.place.name.replace(/ \(near (.+)\)$/, (_whole, town: string) => ` (${t("lookup.nearTown", { town })})`) : "";
  const title = result ? t("lookup.titleFor", { nationalities: result.byNationality.map((n) => n.nationality.name).join(", "), place: placeName }) : t("lookup.title");
  const countryName = (c: string) => loaded.choices?.nationalities.find((n) => n.code === c)?.name ?? c;
  return {
    title,
    body: (
      <Layout ctx={ctx} title={title}>
        <h1>{t("lookup.title")}</h1>
        <p class="lead">{t("lookup.intro")}</p>
        <LookupForm ctx={ctx} q={q} choices={loaded.choices} errors={fields} />
        {input.other.length > 0 && (
          <div class="notice error" role="alert">
            {input.other.map((message) => (
              <p>{message}</p>
            ))}
          </div>
        )}
        {input.suggestions && <PlaceNotFound ctx={ctx} q={q} suggestions={input.suggestions} countryName={countryName} />}
        {result && <LookupResults ctx={ctx} q={q} result={result} procedures={loaded.choices?.procedures ?? []} />}
      </Layout>
    ),
  };
}
