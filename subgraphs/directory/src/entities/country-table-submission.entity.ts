import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";

export enum SubmissionStatus {
  PENDING = "PENDING",
  APPLIED = "APPLIED",
  REJECTED = "REJECTED",
}
registerEnumType(SubmissionStatus, { name: "SubmissionStatus", description: "What the secretariat did with a country's table." });

/**
 * A host country's table as its officials sent it (issue 21): the rows, checked, and what
 * they would change when sent. Nothing in the directory changes until the secretariat
 * applies it; applying checks the offices again and refuses if one changed since.
 */
@ObjectType({ simpleResolvers: true, description: "A host country's table of offices, sent by its officials, waiting for (or past) the secretariat's decision." })
@Entity({ name: "country_table_submission" })
@Index("idx_table_submission_status", ["status"])
@Index("idx_table_submission_country", ["country"])
export class CountryTableSubmission {
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: 36 })
  id!: string;

  @Field({ description: "ISO alpha-2 of the host country whose table this is." })
  @Column({ type: "varchar", length: 2 })
  country!: string;

  @Field(() => SubmissionStatus)
  @Column({ type: "varchar", length: 16 })
  status!: SubmissionStatus;

  @Field({ description: "Who sent it, as the public may read it: a role and a country, never a person." })
  @Column({ name: "submitted_as", type: "varchar", length: 40 })
  submittedAs!: string;

  /** The sender's key id (audit; not in any answer). */
  @Column({ name: "submitted_by", type: "varchar", length: 200 })
  submittedBy!: string;

  @Field()
  @Column({ name: "submitted_at", type: "varchar", length: 32 })
  submittedAt!: string;

  @Field(() => String, { nullable: true, description: "The file's name as sent." })
  @Column({ name: "file_name", type: "varchar", length: 200, nullable: true })
  fileName!: string | null;

  /** The checked rows (CountryTableRowInput), as sent. */
  @Column({ type: "simple-json" })
  rows!: unknown[];

  /** The office versions the rows were compared with: applying refuses if one moved since. */
  @Column({ name: "office_versions", type: "simple-json" })
  officeVersions!: Record<string, number>;

  /** The diff when sent (CountryTableDiff as JSON). */
  @Column({ type: "simple-json" })
  diff!: Record<string, unknown>;

  @Field(() => Int, { description: "Offices the table would add." })
  @Column({ name: "created_count", type: "integer" })
  createdCount!: number;

  @Field(() => Int, { description: "Offices the table would change." })
  @Column({ name: "changed_count", type: "integer" })
  changedCount!: number;

  @Field(() => String, { nullable: true })
  @Column({ name: "decided_at", type: "varchar", length: 32, nullable: true })
  decidedAt!: string | null;

  @Field(() => String, { nullable: true, description: "Why it was rejected." })
  @Column({ name: "decision_reason", type: "text", nullable: true })
  decisionReason!: string | null;
}
