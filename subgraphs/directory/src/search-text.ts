import { foldText } from "../../shared/src/text";
import type { Country, RepresentationKind } from "./entities";
import { KIND_LABELS } from "./labels";

const names = (c: Pick<Country, "code" | "alpha3" | "nameEs" | "nameEn" | "nameFr" | "namePt">) => [c.code, c.alpha3, c.nameEs, c.nameEn, c.nameFr, c.namePt];

export function countrySearchText(country: Pick<Country, "code" | "alpha3" | "nameEs" | "nameEn" | "nameFr" | "namePt">): string {
  return foldText(names(country).join(" "));
}

/**
 * What free-text search over representations looks in: city, address, the kind's labels and
 * both countries' names in every language, so "embajada haiti" and "Haïti" both match.
 */
export function representationSearchText(
  r: { kind: RepresentationKind; city: string | null; address: string | null },
  sender: Parameters<typeof names>[0],
  host: Parameters<typeof names>[0],
): string {
  const kindLabels = Object.values(KIND_LABELS[r.kind]);
  return foldText([r.city ?? "", r.address ?? "", ...kindLabels, ...names(sender), ...names(host)].join(" "));
}
