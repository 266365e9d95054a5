import type { SelectQueryBuilder } from "typeorm";
import type { Loaders } from "../loaders";
import { Representation, RepresentationStatus } from "../entities";
import { checkDate } from "../edits/apply-changes";
import { countryCodes } from "../validation";
import type { RepresentationFilter } from "./representation.types";
import { matchTerms } from "../search/full-text";
import { searchTerms } from "../search/search-terms";

export const DEFAULT_STATUSES = [RepresentationStatus.ACTIVE, RepresentationStatus.TEMPORARILY_CLOSED];

/**
 * Adds a filter's conditions to a query on representations aliased `r`. Shared by the
 * list and the nearest search so that both read a filter the same way. Country codes
 * are validated first: an unknown code is an error naming `<field>.<name>`.
 */
export async function applyRepresentationFilter(
  qb: SelectQueryBuilder<Representation>,
  filter: RepresentationFilter | undefined,
  loaders: Loaders,
  field = "filter",
): Promise<SelectQueryBuilder<Representation>> {
  const sending = await countryCodes(filter?.sendingCountry, `${field}.sendingCountry`, loaders);
  const host = await countryCodes(filter?.hostCountry, `${field}.hostCountry`, loaders);
  const jurisdiction = await countryCodes(filter?.jurisdictionCountry, `${field}.jurisdictionCountry`, loaders);
  // An empty list matches nothing, as "any of []" should; IN () is not valid SQL.
  const list = <T>(values: T[]) => (values.length ? values : ["\u0000"]);

  if (sending) qb.andWhere("r.sending_country_code IN (:...sending)", { sending: list(sending) });
  if (host) qb.andWhere("r.host_country_code IN (:...host)", { host: list(host) });
  if (jurisdiction) {
    qb.andWhere("EXISTS (SELECT 1 FROM representation_jurisdiction j WHERE j.representation_id = r.id AND j.country_code IN (:...jurisdiction))", { jurisdiction: list(jurisdiction) });
  }
  (filter?.procedures ?? []).forEach((procedure, i) => {
    qb.andWhere(`EXISTS (SELECT 1 FROM procedure_offer o${i} WHERE o${i}.representation_id = r.id AND o${i}.procedure_code = :procedure${i})`, {
      [`procedure${i}`]: procedure,
    });
  });
  if (filter?.kind) qb.andWhere("r.kind IN (:...kinds)", { kinds: list(filter.kind) });
  qb.andWhere("r.status IN (:...statuses)", { statuses: list(filter?.status ?? DEFAULT_STATUSES) });
  if (filter?.notVerifiedSince !== undefined && filter.notVerifiedSince !== null) {
    // ISO dates compare as text; a partial date ("2019") sorts before any day in it.
    const since = checkDate(filter.notVerifiedSince, `${field}.notVerifiedSince`);
    qb.andWhere("(r.last_verified_on IS NULL OR r.last_verified_on < :since)", { since });
  }
  const terms = searchTerms(filter?.text, `${field}.text`);
  if (terms.length) matchTerms(qb, terms);
  return qb;
}
