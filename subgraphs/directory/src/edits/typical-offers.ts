import { OfferBasis, type Procedure } from "../entities";

/**
 * The offers the directory infers for an office of a kind, from the procedure catalogue
 * in the database (procedure.typical_for_kinds): the one source for the seed, the import
 * and the API. `except`: procedures the office already has on another basis.
 */
export function typicalOfferRows(catalogue: Procedure[], representationId: string, kind: string, except: Set<string> = new Set()) {
  return catalogue
    .filter((p) => p.handledTypicallyBy(kind) && !except.has(p.code))
    .map((p) => ({ representationId, procedureCode: p.code, basis: OfferBasis.TYPICAL_FOR_KIND, note: null, sourceUrl: null }));
}
