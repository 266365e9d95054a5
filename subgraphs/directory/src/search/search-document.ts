import { Lang } from "../../../../platform/src/lang";
import type { Country, RepresentationKind } from "../entities";
import { KIND_LABELS, representationName } from "../labels";
import { cityNames } from "./city-names";
import { documentWords } from "./search-terms";

type CountryNames = Pick<Country, "code" | "alpha3" | "nameEs" | "nameEn" | "nameFr" | "namePt">;

/** Bumped whenever what is indexed changes: the seed then recomputes every office's search fields. */
export const SEARCH_DOCUMENT_VERSION = 3; // 3: French and Portuguese names with the country's article

const LANGS = [Lang.ES, Lang.EN, Lang.FR, Lang.PT];
const countryNames = (c: CountryNames) => [c.code, c.alpha3, c.nameEs, c.nameEn, c.nameFr, c.namePt];
const senderName = (c: CountryNames, lang: Lang) => ({ es: c.nameEs, en: c.nameEn, fr: c.nameFr, pt: c.namePt })[lang];

export interface SearchFields {
  /** The office's names in es/en/fr/pt as folded words, each between "|": an exact-name match ranks first. */
  searchNames: string;
  /** Everything else a person may type: city (in every Latin-script name GeoNames gives), address, kind, both countries. */
  searchText: string;
}

/** What full-text search indexes for an office (SQLite FTS5 / PostgreSQL tsvector read these two columns). */
export function representationSearchFields(
  r: { kind: RepresentationKind; city: string | null; address: string | null; hostCountryCode: string },
  sender: CountryNames,
  host: CountryNames,
): SearchFields {
  const names = [...new Set(LANGS.map((lang) => documentWords(representationName(r.kind, senderName(sender, lang), lang, sender.code)).join(" ")))];
  const text = [...cityNames(r.city, r.hostCountryCode), r.address ?? "", ...Object.values(KIND_LABELS[r.kind]), ...countryNames(sender), ...countryNames(host)];
  return { searchNames: `|${names.join("|")}|`, searchText: [...new Set(documentWords(text.join(" ")))].join(" ") };
}
