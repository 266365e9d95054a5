import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import { SEED_DATA_DIR } from "../paths";

countries.registerLocale(en);

/**
 * English country names as the export writes them (Wikidata labels) → ISO alpha-2. The
 * package knows ISO's names and common aliases; the dozen Wikidata labels it does not
 * know are in seed/data/wikidata-country-aliases.csv. Regions and organisations → undefined.
 */
export function englishCountryCodes(): (name: string) => string | undefined {
  const aliases = new Map<string, string>(
    (parse(readFileSync(join(SEED_DATA_DIR, "wikidata-country-aliases.csv"), "utf8"), { columns: true, trim: true }) as Record<string, string>[]).map((row) => [row.name, row.iso2]),
  );
  return (name) => aliases.get(name) ?? countries.getAlpha2Code(name, "en") ?? undefined;
}
