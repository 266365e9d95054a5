import opening_hours from "opening_hours";
import type { Lang } from "../i18n";

/**
 * Opening hours in words, in the page's language, from OpenStreetMap syntax
 * ("Mo-Fr 08:00-13:00" → "lun-vie 08:00-13:00"); the raw value when the library cannot say it.
 */
export function hoursInWords(value: string | null | undefined, lang: Lang): string | null {
  if (!value) return null;
  try {
    const hours = new opening_hours(value, { lat: 0, lon: 0, address: { country_code: "", state: "" } } as never, { locale: lang } as never);
    return hours.prettifyValue({ conf: { locale: lang, rule_sep_string: "; ", print_semicolon: false } } as never);
  } catch {
    return value;
  }
}

/** A date (YYYY-MM-DD) as the page's language writes it. */
export function dateInWords(value: string | null | undefined, lang: Lang): string | null {
  if (!value) return null;
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** A distance in km, one decimal under 100 km. */
export function distanceInWords(km: number | null | undefined, lang: Lang): string | null {
  if (km === null || km === undefined) return null;
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: km < 100 ? 1 : 0 }).format(km)} km`;
}

/** A web address safe to link: http(s) only. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** A country's name in the page's language from its ISO code ("CR" → "Costa Rica"), never the code on a page. */
export function countryName(code: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([lang], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
