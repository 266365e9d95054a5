import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import es from "i18n-iso-countries/langs/es.json";
import fr from "i18n-iso-countries/langs/fr.json";
import pt from "i18n-iso-countries/langs/pt.json";

for (const locale of [es, en, fr, pt]) countries.registerLocale(locale);

export interface CountryNames {
  code: string;
  alpha3: string;
  es: string;
  en: string;
  fr: string;
  pt: string;
}

/** Every ISO 3166-1 country with its names, from i18n-iso-countries (maintained upstream). */
export function allCountryNames(): CountryNames[] {
  return Object.entries(countries.getAlpha2Codes())
    .map(([code, alpha3]) => ({
      code,
      alpha3,
      es: countries.getName(code, "es") ?? code,
      en: countries.getName(code, "en") ?? code,
      fr: countries.getName(code, "fr") ?? code,
      pt: countries.getName(code, "pt") ?? code,
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
