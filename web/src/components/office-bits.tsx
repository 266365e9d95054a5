import type { PageContext } from "./layout";
import { countryName, dateInWords, safeHttpUrl } from "../format/office";
import type { MessageKey } from "../i18n";

/** A value's source as the API gives it (Representation.fieldSources). */
export interface SourceOfValue {
  field: string;
  value: string;
  url: string;
  published?: string | null;
  seenOn: string;
  excerpt: string;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
};

/**
 * Where a value comes from and how old it is, beside the value: the page (linked), its
 * date (or "undated, read on …"), and the exact words, folded (no script needed).
 */
export function SourceNote(props: { ctx: PageContext; sources?: readonly SourceOfValue[]; field: string; value: string }) {
  const source = props.sources?.find((s) => s.field === props.field && s.value === props.value);
  if (!source) return null;
  const { t, lang } = props.ctx;
  const url = safeHttpUrl(source.url);
  const when = source.published
    ? t("source.published", { date: dateInWords(source.published, lang) ?? source.published })
    : t("source.undated", { date: dateInWords(source.seenOn, lang) ?? source.seenOn });
  return (
    <details class="source-note">
      <summary>
        {t("source.from", { source: url ? hostOf(url) : source.url })}, {when}
      </summary>
      <blockquote cite={url ?? undefined} lang="">
        {source.excerpt}
      </blockquote>
      {url && (
        <a href={url} rel="noopener noreferrer external">
          {url}
        </a>
      )}
    </details>
  );
}

export function Phones(props: { phones: { e164?: string | null; raw: string; label?: string | null }[]; ctx?: PageContext; sources?: readonly SourceOfValue[] }) {
  if (!props.phones.length) return null;
  const { ctx } = props;
  return (
    <ul class="plain">
      {props.phones.map((p) => (
        <li>
          {p.e164 ? <a href={`tel:${p.e164}`}>{p.raw}</a> : p.raw}
          {ctx && p.label && p.label !== "GENERAL" && <span class="muted"> ({ctx.t(`phone.${p.label}` as MessageKey)})</span>}
          {ctx && <SourceNote ctx={ctx} sources={props.sources} field="PHONE" value={p.raw} />}
        </li>
      ))}
    </ul>
  );
}

export function Emails(props: { emails: string[]; ctx?: PageContext; sources?: readonly SourceOfValue[] }) {
  if (!props.emails.length) return null;
  const { ctx } = props;
  return (
    <ul class="plain">
      {props.emails.map((e) => (
        <li>
          <a href={`mailto:${e}`}>{e}</a>
          {ctx && <SourceNote ctx={ctx} sources={props.sources} field="EMAIL" value={e} />}
        </li>
      ))}
    </ul>
  );
}

export function Website(props: { url?: string | null; ctx: PageContext }) {
  const url = safeHttpUrl(props.url);
  if (!url) return null;
  return (
    <a href={url} rel="noopener noreferrer external">
      {new URL(url).hostname}
    </a>
  );
}

/** How fresh a record is: the staleness level in words and the date it was last confirmed. */
export function Freshness(props: { ctx: PageContext; level: string; lastVerifiedOn?: string | null; byCountry?: string | null }) {
  const { t, lang } = props.ctx;
  const date = dateInWords(props.lastVerifiedOn, lang);
  const by = props.byCountry ? ` ${t("staleness.by", { country: countryName(props.byCountry, lang) })}` : "";
  return (
    <span class={`fresh fresh-${props.level.toLowerCase()}`}>
      {t(`staleness.${props.level}` as MessageKey)}
      {date && (
        <>
          {" "}
          <span class="muted">
            ({t("staleness.verified", { date })}
            {by})
          </span>
        </>
      )}
    </span>
  );
}

/** The warnings an official must read before relying on the office, in words, each with its source; an honorary consulate says what that means. */
export function Caveats(props: { ctx: PageContext; kind: string; caveats: readonly string[]; sources?: readonly SourceOfValue[] }) {
  const { ctx } = props;
  const honorary = props.kind === "HONORARY_CONSULATE";
  if (!props.caveats.length && !honorary) return null;
  return (
    <ul class="plain caveats">
      {props.caveats.map((c) => (
        <li class="notice caveat" data-caveat={c}>
          <strong>{ctx.t(`caveat.${c}` as MessageKey)}</strong>
          <SourceNote ctx={ctx} sources={props.sources} field="CAVEAT" value={c} />
        </li>
      ))}
      {honorary && !props.caveats.includes("NO_TRAVEL_DOCUMENTS") && (
        <li class="muted caveat" data-caveat="HONORARY">
          {ctx.t("kind.honoraryNote")}
        </li>
      )}
    </ul>
  );
}
