import type { DataSource } from "typeorm";
import { Country, Procedure } from "../entities";
import { plainMany } from "./raw-rows";
import { SharedRead } from "./shared-read";

/**
 * The countries and the procedure catalogue, as plain rows: what every list of offices
 * names (sender, host, procedures). Shared by all requests of a process and never
 * written to; readers that write load their own entities.
 */
export interface Catalogue {
  /** `catalogue_n` of directory_revision when it was read. */
  readonly revision: string;
  readonly countries: ReadonlyMap<string, Readonly<Country>>;
  /** In catalogue order (position). */
  readonly procedures: ReadonlyMap<string, Readonly<Procedure>>;
}

/**
 * Keeps the catalogue in memory and reads it again only when the database says it moved
 * (`catalogue_n`, bumped by triggers on `country` and `procedure` whoever writes:
 * 1738000000000-catalogue-revision). Each request asks once: one single-row statement
 * (which also gives the directory's revision, for the offers: offers.ts),
 * instead of a statement for the countries and one for the procedures of every list,
 * and the fields that name a country or a procedure answer from memory, without a promise.
 */
export class CatalogueCache {
  private held?: Catalogue;
  private readonly reading = new SharedRead<Catalogue>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * The catalogue as of now, and the directory's revision read in the same statement (what
   * OfferCache keys on).
   */
  async current(): Promise<{ catalogue: Catalogue; directoryRevision: string }> {
    const rows: { n: string | number; d: string | number }[] = await this.dataSource.query("SELECT catalogue_n AS n, n AS d FROM directory_revision WHERE id = 1");
    const directoryRevision = String(rows[0]?.d ?? "0");
    return { catalogue: await this.at(String(rows[0]?.n ?? "0")), directoryRevision };
  }

  private async at(revision: string): Promise<Catalogue> {
    if (this.held?.revision === revision) return this.held;
    // Requests that find it moved to the same number at the same time share one read.
    return this.reading.get(revision, () => this.read(revision));
  }

  private async read(revision: string): Promise<Catalogue> {
    const countries = await plainMany(this.dataSource, Country, this.dataSource.getRepository(Country).createQueryBuilder("t"));
    const procedures = await plainMany(this.dataSource, Procedure, this.dataSource.getRepository(Procedure).createQueryBuilder("t").orderBy("t.position", "ASC"));
    const catalogue: Catalogue = {
      revision,
      // Not frozen: federation's _entities marks each object it returns with its
      // __typename, the same word every time. Nothing else writes to them (Readonly).
      countries: new Map(countries.map((c) => [c.code, c])),
      procedures: new Map(procedures.map((p) => [p.code, p])),
    };
    // A newer catalogue never gives way to an older read that finished later.
    if (!this.held || BigInt(revision) >= BigInt(this.held.revision)) this.held = catalogue;
    return catalogue;
  }
}
