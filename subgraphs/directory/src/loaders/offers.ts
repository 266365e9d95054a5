import type { DataSource } from "typeorm";
import { ProcedureOfferRow, type Procedure } from "../entities";
import type { Catalogue } from "./catalogue";
import { plainMany } from "./raw-rows";
import { HeldByRevision } from "./held-by-revision";

/** Each office's procedure offers, with the procedure attached, in catalogue order. */
export type OffersByOffice = ReadonlyMap<string, readonly Readonly<ProcedureOfferRow>[]>;

const NONE: readonly Readonly<ProcedureOfferRow>[] = Object.freeze([]);

/**
 * Every office's procedure offers, held in memory per directory revision and catalogue
 * revision (held-by-revision.ts). A list of 50 offices carries about 450 offers: reading
 * them was a statement of its own and the largest one of the official's list, and
 * attaching and sorting them was done again for every request. Now both are done once per
 * revision (about 7,400 offers: one statement, a few milliseconds), and
 * `Representation.procedures` answers from memory. Mutations do not come here: they read
 * what they wrote (the offers loader).
 */
export class OfferCache {
  private readonly held = new HeldByRevision<OffersByOffice>();

  constructor(private readonly dataSource: DataSource) {}

  at(directoryRevision: string, catalogue: Catalogue): OffersByOffice | Promise<OffersByOffice> {
    return this.held.at(directoryRevision, catalogue.revision, () => this.read(catalogue));
  }

  private async read(catalogue: Catalogue): Promise<OffersByOffice> {
    const rows = await plainMany(this.dataSource, ProcedureOfferRow, this.dataSource.getRepository(ProcedureOfferRow).createQueryBuilder("t"));
    const byOffice = new Map<string, ProcedureOfferRow[]>();
    for (const row of rows) {
      const procedure = catalogue.procedures.get(row.procedureCode) as Procedure | undefined;
      if (!procedure) continue;
      let offers = byOffice.get(row.representationId);
      if (!offers) byOffice.set(row.representationId, (offers = []));
      offers.push(Object.freeze(Object.assign(row, { procedure })));
    }
    for (const offers of byOffice.values()) Object.freeze(offers.sort((a, b) => a.procedure.position - b.procedure.position));
    return byOffice;
  }
}

/** The offers of one office from a held map (none when it has none). */
export function offersOf(offers: OffersByOffice, representationId: string): readonly Readonly<ProcedureOfferRow>[] {
  return offers.get(representationId) ?? NONE;
}
