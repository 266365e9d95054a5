import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { ExchangeTopic } from "./topics";

/**
 * A contact the partner conference (the CSM) designated and pushed in a batch. Never
 * deleted: a removal sets `removedAt`, which the change feed delivers as a tombstone.
 * Personal fields are resolved by field resolvers that check the caller (access.ts).
 */
@Directive(`@key(fields: "id")`)
@ObjectType({ simpleResolvers: true, description: "A focal point of a partner conference (CSM), as it pushed it." })
@Entity({ name: "partner_contact" })
@Index("uq_partner_contact_external", ["conference", "externalId"], { unique: true })
@Index("idx_partner_contact_seq", ["changeSeq"])
@Index("idx_partner_contact_conference_seq", ["conference", "changeSeq"])
@Index("idx_partner_contact_country", ["countryCode"])
export class PartnerContact {
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: 64 })
  id!: string;

  @Field({ description: "The partner conference that designated it, e.g. CSM." })
  @Column({ type: "varchar", length: 16 })
  conference!: string;

  @Field({ description: "The partner's own id for this contact." })
  @Column({ name: "external_id", type: "varchar", length: 200 })
  externalId!: string;

  @Column({ name: "country_code", type: "varchar", length: 2 })
  countryCode!: string;

  @Field(() => [ExchangeTopic])
  @Column({ type: "simple-json" })
  topics!: ExchangeTopic[];

  @Column({ name: "person_name", type: "text" }) personName!: string;
  @Column({ type: "text", nullable: true }) position!: string | null;

  @Field({ description: "Public." })
  @Column({ type: "text" })
  institution!: string;

  @Column({ type: "simple-json" }) emails!: string[];
  @Column({ type: "simple-json" }) phones!: string[];

  @Field(() => [String], { description: "BCP 47." })
  @Column({ type: "simple-json" })
  languages!: string[];

  @Field(() => Int)
  @Column({ type: "integer" })
  version!: number;

  @Field({ description: "ISO 8601." })
  @Column({ name: "updated_at", type: "varchar", length: 32 })
  updatedAt!: string;

  @Field(() => String, { nullable: true, description: "When the partner removed it (ISO 8601); null while current." })
  @Column({ name: "removed_at", type: "varchar", length: 32, nullable: true })
  removedAt!: string | null;

  /** Commit-order number of its last change (the feed). */
  @Column({ name: "change_seq", type: "integer" })
  changeSeq!: number;

  @Field({ description: "The batch that last changed it." })
  @Column({ name: "last_batch", type: "varchar", length: 120 })
  lastBatch!: string;
}
