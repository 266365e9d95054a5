import ICAL from "ical.js";
import countries from "i18n-iso-countries";
import type { ContactCard } from "./card";

/**
 * vCard 4.0 (RFC 6350) and jCard (RFC 7095) through ical.js, which escapes, folds and
 * parses both. Country: ADR's country name (what address books show) and X-ENLACE-COUNTRY
 * with the ISO code (what machines read back).
 */
function component(card: ContactCard): InstanceType<typeof ICAL.Component> {
  const vcard = new ICAL.Component(["vcard", [], []]);
  const add = (name: string, value: string | string[], params: Record<string, string> = {}) => {
    const prop = new ICAL.Property(name, vcard);
    if (Array.isArray(value)) prop.setValue(value as never);
    else prop.setValue(value);
    for (const [k, v] of Object.entries(params)) prop.setParameter(k, v);
    vcard.addProperty(prop);
  };
  add("version", "4.0");
  add("prodid", "-//Enlace//CRM directory//EN");
  add("uid", card.uid);
  add("kind", "individual");
  add("fn", card.fullName ?? card.institution);
  add("org", [card.institution]);
  if (card.position) add("title", card.position);
  card.emails.forEach((email, i) => add("email", email, { type: "work", pref: String(i + 1) }));
  card.phones.forEach((phone, i) => {
    const prop = new ICAL.Property("tel", vcard);
    prop.resetType("uri");
    prop.setValue(`tel:${phone}`);
    prop.setParameter("value", "uri");
    prop.setParameter("type", "work");
    prop.setParameter("pref", String(i + 1));
    vcard.addProperty(prop);
  });
  card.languages.forEach((lang, i) => {
    const prop = new ICAL.Property("lang", vcard);
    prop.resetType("language-tag");
    prop.setValue(lang);
    prop.setParameter("pref", String(i + 1));
    vcard.addProperty(prop);
  });
  add("adr", ["", "", "", "", "", "", countries.getName(card.country, "en") ?? card.country], { type: "work" });
  add("x-enlace-country", card.country);
  if (card.categories.length) {
    const prop = new ICAL.Property("categories", vcard);
    prop.setValues(card.categories);
    vcard.addProperty(prop);
  }
  if (card.revision) vcard.addProperty(new ICAL.Property(["rev", {}, "timestamp", card.revision.replace(/\.\d+Z$/, "Z")], vcard));
  for (const [name, value] of Object.entries(card.extra ?? {})) add(name.toLowerCase(), value);
  return vcard;
}

export const toVCard = (card: ContactCard): string => `${component(card).toString()}\r\n`;
export const toVCards = (cards: ContactCard[]): string => cards.map(toVCard).join("");
export const toJCard = (card: ContactCard): unknown => component(card).toJSON();

/** Reads vCard 3.0 or 4.0 text (one or many cards) back into cards; country from X-ENLACE-COUNTRY or ADR's country name. */
export function parseVCards(text: string): ContactCard[] {
  const parsed = ICAL.parse(text) as unknown[];
  const list = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  return list.map((jcard) => {
    const c = new ICAL.Component(jcard as never);
    const text1 = (name: string): string | null => {
      const v = c.getFirstPropertyValue(name);
      if (v === null || v === undefined) return null;
      return Array.isArray(v) ? v.filter(Boolean).join(", ") : String(v);
    };
    const all = (name: string) =>
      c
        .getAllProperties(name)
        .map((p) => String(p.getFirstValue() ?? ""))
        .filter(Boolean);
    const adr = c.getFirstPropertyValue("adr") as string[] | string | null;
    const countryName = Array.isArray(adr) ? adr[6] : null;
    const country = text1("x-enlace-country") ?? (countryName ? (countries.getAlpha2Code(countryName, "en") ?? countries.getAlpha2Code(countryName, "es") ?? countryName) : "");
    return {
      uid: text1("uid") ?? "",
      fullName: text1("fn"),
      position: text1("title"),
      institution: text1("org") ?? "",
      emails: all("email"),
      phones: all("tel").map((t) => t.replace(/^tel:/, "")),
      languages: all("lang"),
      country,
      categories: c.getAllProperties("categories").flatMap((p) => p.getValues().map(String)),
      revision: text1("rev"),
    };
  });
}
