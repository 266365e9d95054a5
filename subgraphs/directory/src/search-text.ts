import { foldText } from "../../../platform/src/text";
import type { Country } from "./entities";

const names = (c: Pick<Country, "code" | "alpha3" | "nameEs" | "nameEn" | "nameFr" | "namePt">) => [c.code, c.alpha3, c.nameEs, c.nameEn, c.nameFr, c.namePt];

export function countrySearchText(country: Pick<Country, "code" | "alpha3" | "nameEs" | "nameEn" | "nameFr" | "namePt">): string {
  return foldText(names(country).join(" "));
}
