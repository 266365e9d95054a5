import type { DataSource } from "typeorm";
import { Membership, RepresentationStatus } from "../entities";
import { unitVector } from "./rank-core";

/** What the nearest search needs of an active office, in memory. */
export interface IndexedOffice {
  id: string;
  kind: string;
  latitude: number | null;
  longitude: number | null;
  precision: string | null;
  /** Country → RESIDENT | CONCURRENT_ACCREDITATION */
  coverage: Map<string, string>;
  procedures: Set<string>;
  /** Unit vector of the position, for ranking by chord length (see nearest.service.ts). */
  xyz: [number, number, number] | null;
}

export { unitVector } from "./rank-core";

/** One revision of the directory as the nearest search and the place resolver see it. */
export class OfficeSnapshot {
  constructor(
    private readonly bySender: Map<string, IndexedOffice[]>,
    /** CRM member states and the host countries of active offices: where a place name is looked for first. */
    readonly region: ReadonlySet<string>,
    /** The CRM member states alone: among namesakes in the region, theirs come first (Corozal in Belize, not Colombia). */
    readonly crm: ReadonlySet<string> = new Set(),
  ) {}

  officesOf(senders: string[]): IndexedOffice[][] {
    return senders.map((sender) => this.bySender.get(sender) ?? []);
  }

  /** Active offices of a sender. */
  countOf(sender: string): number {
    return this.bySender.get(sender)?.length ?? 0;
  }
}

/**
 * Active offices grouped by sending country, with their coverage and procedures. Built
 * from three reads and rebuilt only when the database's revision (bumped by triggers on
 * every change) moved, so it is never stale, even with writers in other processes.
 * Memory: ~60 MB at 100,000 offices.
 */
export class OfficeIndex {
  private revision = -1;
  private snapshot = new OfficeSnapshot(new Map(), new Set());
  private building: Promise<void> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * The snapshot as of `revision` (a request's, read with its catalogue: loaders/catalogue.ts),
   * or as of the revision read now: one statement. Rebuilt only when the directory changed.
   */
  async current(revision?: string): Promise<OfficeSnapshot> {
    const n = revision ?? (await this.dataSource.query("SELECT n FROM directory_revision WHERE id = 1"))[0].n;
    if (Number(n) !== this.revision) {
      // Concurrent requests share one rebuild.
      this.building ??= this.build(Number(n)).finally(() => (this.building = undefined));
      await this.building;
    }
    return this.snapshot;
  }

  async officesOf(senders: string[]): Promise<IndexedOffice[][]> {
    return (await this.current()).officesOf(senders);
  }

  /** Active offices of a sender, as of the last `officesOf` (which a ranking has just made). */
  countOf(sender: string): number {
    return this.snapshot.countOf(sender);
  }

  private async build(revision: number): Promise<void> {
    const offices = new Map<string, IndexedOffice>();
    const bySender = new Map<string, IndexedOffice[]>();
    const region = new Set<string>();
    const reps: { id: string; sender: string; host: string; kind: string; latitude: number | null; longitude: number | null; coord_precision: string | null }[] = await this.dataSource.query(
      `SELECT id, sending_country_code AS sender, host_country_code AS host, kind, latitude, longitude, coordinate_precision AS coord_precision FROM representation WHERE status = '${RepresentationStatus.ACTIVE}'`,
    );
    for (const r of reps) {
      region.add(r.host);
      const located = r.latitude !== null && r.longitude !== null;
      const office: IndexedOffice = {
        id: r.id,
        kind: r.kind,
        latitude: located ? Number(r.latitude) : null,
        longitude: located ? Number(r.longitude) : null,
        precision: r.coord_precision,
        coverage: new Map(),
        procedures: new Set(),
        xyz: located ? unitVector(Number(r.latitude), Number(r.longitude)) : null,
      };
      offices.set(r.id, office);
      const list = bySender.get(r.sender);
      if (list) list.push(office);
      else bySender.set(r.sender, [office]);
    }
    for (const j of (await this.dataSource.query("SELECT representation_id AS id, country_code AS country, basis FROM representation_jurisdiction")) as {
      id: string;
      country: string;
      basis: string;
    }[]) {
      offices.get(j.id)?.coverage.set(j.country, j.basis);
    }
    for (const o of (await this.dataSource.query("SELECT representation_id AS id, procedure_code AS code FROM procedure_offer")) as { id: string; code: string }[]) {
      offices.get(o.id)?.procedures.add(o.code);
    }
    const crm = new Set<string>();
    for (const c of (await this.dataSource.query(`SELECT code FROM country WHERE crm_membership = '${Membership.MEMBER}'`)) as { code: string }[]) {
      region.add(c.code);
      crm.add(c.code);
    }
    this.snapshot = new OfficeSnapshot(bySender, region, crm);
    this.revision = revision;
  }
}
