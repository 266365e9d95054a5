/**
 * How French and Portuguese join "Embassy of" to a country's name: with the country's
 * article (Embaixada da Índia, do Brasil, dos Estados Unidos; Ambassade du Brésil, de
 * l'Équateur, des Pays-Bas, de la République dominicaine), or none (Embaixada de Cuba,
 * Ambassade d'Inde). Countries not named take the plain preposition, which is never wrong
 * for them in the directory's lists.
 */
const PT: Record<string, string> = {};
const FR: Record<string, string> = {};
const set = (table: Record<string, string>, preposition: string, codes: string) => codes.split(" ").forEach((code) => (table[code] = preposition));

// Portuguese: feminine (da), masculine (do), plural (dos, das).
set(
  PT,
  "da",
  "IN CN CO VE GT NI SO ET NG SL DO GN MR ER CR JM AR BO DE FR ES IT RU KR KP TR GR SE NO FI PL AT SA ID TH MY AU NZ LY SY JO UA HU RO BE CH DK IE GY CD CZ TZ ZA GE AM BG SK SI HR RS EE LT LV BY MN NA ZM GM GW LR BW GQ CF TN DZ AL MK",
);
set(PT, "do", "BR HT PK NP EC PE CL MX CA PA BD LK AF UZ SN GH JP GB VN IR IQ KW LB PY UY QA EG KE MA SD TD NE ML BJ TG BF BI MW ZW KH LA KZ KG TJ TM AZ YE OM BH BT BN VA LU CG");
set(PT, "dos", "US NL CM AE");
set(PT, "das", "PH BS MV SC");
// French: masculine (du), masculine or feminine before a vowel (de l'), plural (des), "République…" (de la).
set(FR, "du", "BR CA MX PE CL PK NP BD SN GH CM NG PA GT NI HN CR BZ VE JP LK PY VN KE MA PT DK GB LB QA KW BT BJ TG BF BI MW ZW KH LA KZ KG TJ TM YE BH LU NE ML TD SD CG");
set(FR, "de l'", "EC AF UZ IR IQ UY AO");
set(FR, "des", "US NL AE PH BS MV SC KM");
set(FR, "de la", "DO CD CZ CF");
// Names the French list ships with "… d'Amérique" or a capital: kept, the article fits them.

/** "de <name>" in Portuguese or French, with the country's article where it takes one. */
export function ofCountry(lang: "fr" | "pt", code: string | undefined, name: string): string {
  const table = lang === "pt" ? PT : FR;
  const preposition = code ? table[code] : undefined;
  if (lang === "pt") return preposition ? `${preposition} ${name}` : `de ${name}`;
  if (preposition === "de l'") return `de l'${name}`;
  if (preposition) return `${preposition} ${name}`;
  return /^[aeiouyhâéèêîôûœ]/i.test(name) ? `d'${name}` : `de ${name}`;
}
