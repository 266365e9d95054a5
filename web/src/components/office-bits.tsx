import type { PageContext } from "./layout";
import { dateInWords, safeHttpUrl } from "../format/office";
import type { MessageKey } from "../i18n";

export function Phones(props: { phones: { e164?: string | null; raw: string }[] }) {
  if (!props.phones.length) return null;
  return (
    <ul class="plain">
      {props.phones.map((p) => (
        <li>{p.e164 ? <a href={`tel:${p.e164}`}>{p.raw}</a> : p.raw}</li>
      ))}
    </ul>
  );
}

export function Emails(props: { emails: string[] }) {
  if (!props.emails.length) return null;
  return (
    <ul class="plain">
      {props.emails.map((e) => (
        <li>
          <a href={`mailto:${e}`}>{e}</a>
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
export function Freshness(props: { ctx: PageContext; level: string; lastVerifiedOn?: string | null }) {
  const { t, lang } = props.ctx;
  const date = dateInWords(props.lastVerifiedOn, lang);
  return (
    <span class={`fresh fresh-${props.level.toLowerCase()}`}>
      {t(`staleness.${props.level}` as MessageKey)}
      {date && (
        <>
          {" "}
          <span class="muted">({t("staleness.verified", { date })})</span>
        </>
      )}
    </span>
  );
}
