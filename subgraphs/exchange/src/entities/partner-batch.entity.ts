import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * A batch the partner pushed, kept so that a replay (same batchId) returns the first
 * report and changes nothing. It is also the exchange's audit trail: who, when, what.
 */
@Entity({ name: "partner_batch" })
export class PartnerBatch {
  @PrimaryColumn({ type: "varchar", length: 16 })
  conference!: string;

  @PrimaryColumn({ name: "batch_id", type: "varchar", length: 120 })
  batchId!: string;

  @Column({ type: "varchar", length: 16 })
  mode!: string;

  /** SHA-256 of the batch's content: the same id with other content is refused. */
  @Column({ name: "content_hash", type: "varchar", length: 64 })
  contentHash!: string;

  @Column({ type: "varchar", length: 200 })
  actor!: string;

  @Column({ name: "applied_at", type: "varchar", length: 32 })
  appliedAt!: string;

  @Column({ type: "simple-json" })
  report!: unknown;
}
