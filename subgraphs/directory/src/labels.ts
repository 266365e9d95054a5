import { Lang } from "../../shared/src/lang";
import { RepresentationKind } from "./entities";

type Labelled = { es: string; en: string; fr: string; pt: string };

/** Labels of office kinds, as used in "Embajada de Haití". */
export const KIND_LABELS: Record<RepresentationKind, Labelled> = {
  EMBASSY: { es: "Embajada", en: "Embassy", fr: "Ambassade", pt: "Embaixada" },
  CONSULATE_GENERAL: { es: "Consulado General", en: "Consulate General", fr: "Consulat général", pt: "Consulado-Geral" },
  CONSULATE: { es: "Consulado", en: "Consulate", fr: "Consulat", pt: "Consulado" },
  VICE_CONSULATE: { es: "Viceconsulado", en: "Vice-Consulate", fr: "Vice-consulat", pt: "Vice-Consulado" },
  HONORARY_CONSULATE: { es: "Consulado Honorario", en: "Honorary Consulate", fr: "Consulat honoraire", pt: "Consulado Honorário" },
  CONSULAR_SECTION: { es: "Sección Consular", en: "Consular Section", fr: "Section consulaire", pt: "Seção Consular" },
  OTHER: { es: "Oficina", en: "Office", fr: "Bureau", pt: "Escritório" },
};

/** "Embajada de Haití" / "Embassy of Haiti" / "Ambassade d'Haïti" / "Embaixada do Haiti". */
export function representationName(kind: RepresentationKind, sendingCountryName: string, lang: Lang): string {
  const label = KIND_LABELS[kind][lang];
  switch (lang) {
    case Lang.EN:
      return `${label} of ${sendingCountryName}`;
    case Lang.FR:
      return /^[aeiouyhâéèêîôû]/i.test(sendingCountryName) ? `${label} d'${sendingCountryName}` : `${label} de ${sendingCountryName}`;
    case Lang.PT:
      return `${label} de ${sendingCountryName}`;
    default:
      return `${label} de ${sendingCountryName}`;
  }
}

/** Picks the column of an entity's label in the asked language: nameEs, labelFr, ... */
export function localized<T extends object>(entity: T, prefix: "name" | "label", lang: Lang): string {
  const key = `${prefix}${lang[0].toUpperCase()}${lang[1]}` as keyof T;
  return String(entity[key]);
}
