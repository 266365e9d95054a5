import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";

export enum CorrectionStatus {
  PENDING = "PENDING",
  ACCEPTED = "ACCEPTED",
  REJECTED = "REJECTED",
}
registerEnumType(CorrectionStatus, { name: "CorrectionStatus" });

@ObjectType({ simpleResolvers: true, description: "A field and the value an official proposes for it (JSON)." })
export class ProposedChange {
  @Field() field!: string;
  @Field({ description: 'The proposed value as JSON, e.g. ["+50622892226"].' }) value!: string;
}

/** A correction an official reported from the field, and what the secretariat decided. */
@ObjectType({ simpleResolvers: true, description: "A correction reported by an official; the secretariat accepts or rejects it." })
@Entity({ name: "correction" })
@Index("idx_correction_status", ["status"])
@Index("idx_correction_submitter", ["submittedBy"])
export class Correction {
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: 36 })
  id!: string;

  @Column({ name: "representation_id", type: "varchar", length: 120 })
  representationId!: string;

  @Field(() => Int, { description: "The office's version the official saw." })
  @Column({ name: "representation_version", type: "integer" })
  representationVersion!: number;

  /** The proposal, as checked RepresentationChanges input. */
  @Column({ type: "simple-json" })
  changes!: Record<string, unknown>;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  comment!: string | null;

  @Field(() => CorrectionStatus)
  @Column({ type: "varchar", length: 16 })
  status!: CorrectionStatus;

  /** The submitter's key id: lets them follow their own reports. */
  @Column({ name: "submitted_by", type: "varchar", length: 200 })
  submittedBy!: string;

  @Field({ description: "Country of the official who reported it." })
  @Column({ name: "submitter_country", type: "varchar", length: 2 })
  submitterCountry!: string;

  @Field()
  @Column({ name: "submitted_at", type: "varchar", length: 32 })
  submittedAt!: string;

  @Field(() => String, { nullable: true })
  @Column({ name: "decided_at", type: "varchar", length: 32, nullable: true })
  decidedAt!: string | null;

  @Field(() => String, { nullable: true, description: "Why it was rejected." })
  @Column({ name: "decision_reason", type: "text", nullable: true })
  decisionReason!: string | null;
}
