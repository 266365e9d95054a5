import { In, type EntityManager } from "typeorm";
import { BadUserInputError } from "../../../../platform/src/errors";
export { checkDate } from "../../../../platform/src/formats";
import { CoordinatePrecision, Country, JurisdictionBasis, JurisdictionRow, OfferBasis, Procedure, ProcedureOfferRow, type Representation } from "../entities";
import { typicalOfferRows } from "./typical-offers";
import type { CheckedChanges } from "./validate-changes";

/** Checks that codes are countries of the directory. */
export async function checkCountryCodes(m: EntityManager, codes: string[], field: string): Promise<void> {
  if (!codes.length) return;
  const known = new Set((await m.findBy(Country, { code: In(codes) })).map((c) => c.code));
  const i = codes.findIndex((code) => !known.has(code));
  if (i >= 0) throw new BadUserInputError(`${field}[${i}]`, `unknown ISO 3166-1 alpha-2 country code "${codes[i]}"`);
}

/** Sets the checked fields on the entity (nothing is written yet). */
export function assignFields(rep: Representation, changes: CheckedChanges): void {
  const { concurrent: _concurrent, source, latitude, longitude, ...plain } = changes;
  Object.assign(rep, plain);
  if (latitude !== undefined) Object.assign(rep, { latitude, longitude, coordinatePrecision: latitude === null ? null : CoordinatePrecision.EXACT });
  if (source) rep.sourceUrls = [source, ...rep.sourceUrls.filter((u) => u !== source)];
}

/**
 * Replaces an office's concurrent accreditations (its host stays RESIDENT); returns the
 * change for the audit trail, which the entity's own fields do not show.
 */
export async function setConcurrent(m: EntityManager, rep: Representation, concurrent: string[] | undefined, field = "input"): Promise<Record<string, [unknown, unknown]>> {
  if (concurrent === undefined) return {};
  const wanted = [...new Set(concurrent.filter((code) => code !== rep.hostCountryCode && code !== rep.sendingCountryCode))];
  await checkCountryCodes(m, wanted, `${field}.concurrentAccreditation`);
  const current = (await m.findBy(JurisdictionRow, { representationId: rep.id, basis: JurisdictionBasis.CONCURRENT_ACCREDITATION })).map((j) => j.countryCode).sort();
  if (JSON.stringify(current) === JSON.stringify([...wanted].sort())) return {};
  await m.delete(JurisdictionRow, { representationId: rep.id, basis: JurisdictionBasis.CONCURRENT_ACCREDITATION });
  if (wanted.length)
    await m.insert(
      JurisdictionRow,
      wanted.map((countryCode) => ({ representationId: rep.id, countryCode, basis: JurisdictionBasis.CONCURRENT_ACCREDITATION })),
    );
  return { concurrentAccreditation: [current, [...wanted].sort()] };
}

/**
 * When the kind changes, the inferred (TYPICAL_FOR_KIND) offers are those of the new kind;
 * CONFIRMED offers stay, whatever the kind.
 */
export async function refreshTypicalOffers(m: EntityManager, rep: Representation, previousKind: string): Promise<Record<string, [unknown, unknown]>> {
  if (rep.kind === previousKind) return {};
  const offers = await m.findBy(ProcedureOfferRow, { representationId: rep.id });
  const confirmed = new Set(offers.filter((o) => o.basis === OfferBasis.CONFIRMED).map((o) => o.procedureCode));
  const typical = typicalOfferRows(await m.find(Procedure), rep.id, rep.kind, confirmed);
  await m.delete(ProcedureOfferRow, { representationId: rep.id, basis: OfferBasis.TYPICAL_FOR_KIND });
  if (typical.length) await m.insert(ProcedureOfferRow, typical);
  const codes = (list: { procedureCode: string }[]) => list.map((o) => o.procedureCode).sort();
  return { typicalOffers: [codes(offers.filter((o) => o.basis === OfferBasis.TYPICAL_FOR_KIND)), codes(typical)] };
}

/** All of a checked change: the entity's fields, its accreditations, offers that follow the kind. */
export async function applyChecked(m: EntityManager, rep: Representation, checked: CheckedChanges, field: string): Promise<Record<string, [unknown, unknown]>> {
  const previousKind = rep.kind;
  assignFields(rep, checked);
  return { ...(await setConcurrent(m, rep, checked.concurrent, field)), ...(await refreshTypicalOffers(m, rep, previousKind)) };
}
