import type { DataSource } from "typeorm";
import { Representation } from "../entities";
import { HeldByRevision } from "./held-by-revision";
import { plainMany } from "./raw-rows";

/** Every office's row by id, as plain objects shaped like the entity (raw-rows.ts). */
export type OfficeRows = ReadonlyMap<string, Readonly<Representation>>;

/**
 * Every office's row, held in memory per directory revision (held-by-revision.ts): the
 * 886 rows are read and their JSON columns parsed once per revision (one statement, a few
 * milliseconds), not 50 rows and their JSON for every list of 50. A list now asks SQL only
 * for the ids of its page. Reads only: the office loader takes its rows from here in a
 * query, and reads the database in a mutation, which must see what it wrote (loaders/index.ts).
 *
 * Not frozen: federation's _entities marks each object it returns with its __typename, the
 * same word every time. Nothing else writes to them (Readonly).
 */
export class OfficeRowCache {
  private readonly held = new HeldByRevision<OfficeRows>();

  constructor(private readonly dataSource: DataSource) {}

  at(directoryRevision: string): OfficeRows | Promise<OfficeRows> {
    return this.held.at(directoryRevision, "", () => this.read());
  }

  private async read(): Promise<OfficeRows> {
    const rows = await plainMany(this.dataSource, Representation, this.dataSource.getRepository(Representation).createQueryBuilder("t"));
    return new Map(rows.map((row) => [row.id, row]));
  }
}
