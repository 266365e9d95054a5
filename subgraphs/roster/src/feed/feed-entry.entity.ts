import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * The roster's change feed: per audience, each focal point's latest change. "*" is what
 * the secretariat and officials see (every focal point); "partner:CSM" what the CSM sees
 * (those shared with it and active, and a tombstone once one is no longer).
 */
@Entity({ name: "feed_entry" })
@Index("idx_feed_entry_audience_seq", ["audience", "seq"])
export class FeedEntry {
  @PrimaryColumn({ type: "varchar", length: 40 })
  audience!: string;

  @PrimaryColumn({ name: "entity_id", type: "varchar", length: 64 })
  entityId!: string;

  /** Commit-order number of the change (sync_state). */
  @Column({ type: "integer" })
  seq!: number;

  /** 1: a tombstone. */
  @Column({ type: "integer" })
  removed!: number;
}
