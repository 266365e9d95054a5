import { Lang, langFromAcceptLanguage } from "../../../platform/src/lang";
import en from "./messages/en.json";
import es from "./messages/es.json";
import fr from "./messages/fr.json";
import pt from "./messages/pt.json";

/** Every UI string, by language: one catalog per language (web/src/i18n/messages/). Spanish is the reference. */
export type MessageKey = keyof typeof es;
export const CATALOGS: Record<Lang, Record<string, string>> = { es, en, fr, pt };
export const LANGS = [Lang.ES, Lang.EN, Lang.FR, Lang.PT] as const;
export { Lang };

/** Translates a key, filling `{name}` placeholders. A key missing in a catalog is a test failure (tests/web/catalogs.test.ts). */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const catalog = CATALOGS[lang];
  const numbers = new Intl.NumberFormat(lang);
  return (key, params) => {
    const text = catalog[key] ?? es[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : typeof value === "number" ? numbers.format(value) : value;
    });
  };
}

export const isLang = (value: unknown): value is Lang => typeof value === "string" && (LANGS as readonly string[]).includes(value);

/** The page's language: `?lang=` in the URL, else Accept-Language, else Spanish. */
export function pageLang(query: unknown, acceptLanguage: string | undefined): { lang: Lang; fromUrl: boolean } {
  if (isLang(query)) return { lang: query, fromUrl: true };
  return { lang: langFromAcceptLanguage(acceptLanguage), fromUrl: false };
}

/** The language as the API's Lang enum spells it (ES, EN, FR, PT). */
export type GqlLang = Uppercase<`${Lang}`>;
export const gqlLang = (lang: Lang): GqlLang => lang.toUpperCase() as GqlLang;
