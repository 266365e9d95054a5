import type { DataSource } from "typeorm";
import { ProcedureOfferRow, type Procedure } from "../entities";
import type { Catalogue } from "./catalogue";
import { plainMany } from "./raw-rows";
import { SharedRead } from "./shared-read";

/** Each office's procedure offers, with the procedure attached, in catalogue order. */
export type OffersByOffice = ReadonlyMap<string, readonly Readonly<ProcedureOfferRow>[]>;

const NONE: readonly Readonly<ProcedureOfferRow>[] = Object.freeze([]);

/**
 * Every office's procedure offers, held in memory per directory revision and read again
 * only when it moves (any write to the public data bumps it, offers included:
 * 1732900000000-revision). A list of 50 offices carries about 450 offers: reading them
 * was a statement of its own and the largest one of the official's list, and attaching
 * and sorting them was done again for every request. Now both are done once per revision
 * (about 7,400 offers: one statement, a few milliseconds), and `Representation.procedures`
 * answers from memory.
 *
 * A read is held under the revision its request read before it, so what is held is never
 * older than its label; a request that read an older revision than the one held gets the
 * newer offers, never older ones. Mutations do not come here: they read what they wrote
 * (the offers loader).
 */
export class OfferCache {
  private held?: { directory: bigint; catalogue: string; offers: OffersByOffice };
  private readonly reading = new SharedRead<OffersByOffice>();

  constructor(private readonly dataSource: DataSource) {}

  at(directoryRevision: string, catalogue: Catalogue): OffersByOffice | Promise<OffersByOffice> {
    const directory = BigInt(directoryRevision);
    const held = this.held;
    if (held && held.catalogue === catalogue.revision && held.directory >= directory) return held.offers;
    return this.reading.get(`${directoryRevision}/${catalogue.revision}`, () => this.read(directory, catalogue));
  }

  private async read(directory: bigint, catalogue: Catalogue): Promise<OffersByOffice> {
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
    const held = this.held;
    if (!held || held.catalogue !== catalogue.revision || directory >= held.directory) this.held = { directory, catalogue: catalogue.revision, offers: byOffice };
    return byOffice;
  }
}

/** The offers of one office from a held map (none when it has none). */
export function offersOf(offers: OffersByOffice, representationId: string): readonly Readonly<ProcedureOfferRow>[] {
  return offers.get(representationId) ?? NONE;
}
