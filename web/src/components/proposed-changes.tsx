import type { PageContext } from "./layout";
import type { MessageKey } from "../i18n";

/** The label of a field of RepresentationChanges, in the page's language. */
const FIELD_LABELS: Record<string, MessageKey> = {
  city: "change.city",
  address: "change.address",
  coordinates: "change.coordinates",
  phones: "office.phones",
  emails: "office.emails",
  website: "office.website",
  openingHours: "office.hours",
  languages: "office.languages",
  concurrentAccreditation: "change.concurrent",
  source: "change.source",
  kind: "office.kind",
};

export const fieldLabel = (ctx: PageContext, field: string) => (FIELD_LABELS[field] ? ctx.t(FIELD_LABELS[field]) : field);

/** A value of a field as words: lists joined, null as "to be cleared", coordinates as "lat, lon". */
export function valueInWords(ctx: PageContext, value: unknown): string {
  if (value === null || value === undefined) return ctx.t("change.cleared");
  if (Array.isArray(value)) return value.length ? value.map(String).join(", ") : ctx.t("change.noneLeft");
  if (typeof value === "object") {
    const c = value as { latitude?: number; longitude?: number };
    if (typeof c.latitude === "number" && typeof c.longitude === "number") return `${c.latitude}, ${c.longitude}`;
    return JSON.stringify(value);
  }
  return String(value);
}

/** A proposed value as the API gives it (JSON text), in words. */
export function proposedInWords(ctx: PageContext, json: string): string {
  try {
    return valueInWords(ctx, JSON.parse(json));
  } catch {
    return json;
  }
}

/** What an official proposed, field by field. */
export function ProposedChanges(props: { ctx: PageContext; changes: { field: string; value: string }[] }) {
  if (!props.changes.length) return null;
  return (
    <dl class="details">
      {props.changes.map((c) => (
        <div>
          <dt>{fieldLabel(props.ctx, c.field)}</dt>
          <dd>{proposedInWords(props.ctx, c.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
