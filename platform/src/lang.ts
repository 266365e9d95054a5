import { registerEnumType } from "type-graphql";

/** Languages of user-facing labels: those of the CRM and CSM member states. */
export enum Lang {
  ES = "es",
  EN = "en",
  FR = "fr",
  PT = "pt",
}
registerEnumType(Lang, { name: "Lang", description: "Language of labels (BCP 47 primary tag)." });

export const DEFAULT_LANG = Lang.ES;
const SUPPORTED = new Set<string>(Object.values(Lang));

/**
 * Picks the best supported language from an Accept-Language header, honouring q-values
 * ("fr-CA;q=0.9, en;q=0.8" → fr). Spanish when nothing matches.
 */
export function langFromAcceptLanguage(header: string | undefined | null): Lang {
  if (!header) return DEFAULT_LANG;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => SUPPORTED.has(entry.tag) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.length ? (ranked[0].tag as Lang) : DEFAULT_LANG;
}
