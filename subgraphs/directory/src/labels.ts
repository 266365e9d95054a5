import { Lang } from "../../../platform/src/lang";
import { RepresentationKind } from "./entities";
import type { EmptyReasonCode } from "./nearest/empty-reason-code";
import { ofCountry } from "./country-articles";

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

/** "Embajada de Haití" / "Embassy of Haiti" / "Ambassade d'Haïti" / "Embaixada do Haiti": French and Portuguese with the country's article (country-articles.ts). */
export function representationName(kind: RepresentationKind, sendingCountryName: string, lang: Lang, sendingCountryCode?: string): string {
  const label = KIND_LABELS[kind][lang];
  switch (lang) {
    case Lang.EN:
      return `${label} of ${sendingCountryName}`;
    case Lang.FR:
      return `${label} ${ofCountry("fr", sendingCountryCode, sendingCountryName)}`;
    case Lang.PT:
      return `${label} ${ofCountry("pt", sendingCountryCode, sendingCountryName)}`;
    default:
      return `${label} de ${sendingCountryName}`;
  }
}

/** Picks the column of an entity's label in the asked language: nameEs, labelFr, ... */
export function localized<T extends object>(entity: T, prefix: "name" | "label", lang: Lang): string {
  const key = `${prefix}${lang[0].toUpperCase()}${lang[1]}` as keyof T;
  return String(entity[key]);
}

type Words = Record<Lang, (nationality: string, place: string) => string>;

/** What an official reads; each says what to do next, since the list cannot. */
export const EMPTY_REASON_WORDS: Record<EmptyReasonCode, Words> = {
  CRM_MEMBER_STATE: {
    es: (n) => `${n} es Estado miembro de la CRM: el directorio no lista su red consular. Contacte a su consulado por los canales de la CRM (red de protección consular) o a la cancillería de ${n}.`,
    en: (n) =>
      `${n} is a CRM member state: the directory does not list its consular network. Contact its consulate through the CRM channels (consular protection network) or the foreign ministry of ${n}.`,
    fr: (n) =>
      `${n} est un État membre de la CRM : l'annuaire ne liste pas son réseau consulaire. Contactez son consulat par les canaux de la CRM (réseau de protection consulaire) ou le ministère des Affaires étrangères de ${n}.`,
    pt: (n) => `${n} é Estado membro da CRM: o diretório não lista a sua rede consular. Contate o seu consulado pelos canais da CRM (rede de proteção consular) ou a chancelaria de ${n}.`,
  },
  NO_OFFICE_IN_DIRECTORY: {
    es: (n) =>
      `El directorio no tiene ninguna oficina de ${n} en la región ni acreditada ante ella. Consulte a la Secretaría Técnica de la CRM o a la cancillería de ${n} por la misión más cercana fuera de la región.`,
    en: (n) => `The directory has no office of ${n} in the region or accredited to it. Ask the CRM Technical Secretariat, or the foreign ministry of ${n}, for its nearest mission outside the region.`,
    fr: (n) =>
      `L'annuaire n'a aucun bureau de ${n} dans la région ni accrédité auprès d'elle. Demandez au Secrétariat technique de la CRM, ou au ministère des Affaires étrangères de ${n}, sa mission la plus proche hors de la région.`,
    pt: (n) =>
      `O diretório não tem nenhum escritório de ${n} na região nem acreditado junto a ela. Consulte a Secretaria Técnica da CRM, ou a chancelaria de ${n}, sobre a sua missão mais próxima fora da região.`,
  },
  NO_OFFICE_MATCHES: {
    es: (n) => `${n} tiene oficinas en el directorio, pero ninguna con el trámite, tipo o distancia pedidos. Repita la búsqueda sin esos filtros y llame antes para confirmar.`,
    en: (n) => `${n} has offices in the directory, but none with the procedure, kind or distance asked for. Search again without those filters and call first to confirm.`,
    fr: (n) => `${n} a des bureaux dans l'annuaire, mais aucun avec la démarche, le type ou la distance demandés. Relancez la recherche sans ces filtres et appelez d'abord pour confirmer.`,
    pt: (n) => `${n} tem escritórios no diretório, mas nenhum com o trâmite, tipo ou distância pedidos. Repita a busca sem esses filtros e ligue antes para confirmar.`,
  },
  NO_OFFICE_COVERS_PLACE: {
    es: (n, p) => `Ninguna oficina de ${n} reside en ${p} ni está acreditada ante ese país: las listadas no tienen competencia allí. Llame a la más cercana: suele indicar qué misión atiende ${p}.`,
    en: (n, p) => `No office of ${n} sits in ${p} or is accredited to it: those listed have no competence there. Call the nearest: it can usually say which mission serves ${p}.`,
    fr: (n, p) =>
      `Aucun bureau de ${n} ne se trouve dans le pays ${p} ni n'y est accrédité : ceux listés n'y sont pas compétents. Appelez le plus proche : il peut en général dire quelle mission couvre ce pays.`,
    pt: (n, p) =>
      `Nenhum escritório de ${n} fica em ${p} nem está acreditado junto a esse país: os listados não têm competência ali. Ligue para o mais próximo: em geral sabe qual missão atende ${p}.`,
  },
};
