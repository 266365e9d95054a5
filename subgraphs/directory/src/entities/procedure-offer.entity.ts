import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { OfferBasis, ProcedureCode } from "./enums";
import { Procedure } from "./procedure.entity";

/** A procedure an office handles, and on what basis the directory says so. */
@ObjectType("ProcedureOffer", { simpleResolvers: true, description: "A procedure an office handles, and on what basis the directory says so." })
@Entity({ name: "procedure_offer" })
@Index("idx_offer_procedure", ["procedureCode"])
export class ProcedureOfferRow {
  @PrimaryColumn({ name: "representation_id", type: "varchar", length: 120 })
  representationId!: string;

  @PrimaryColumn({ name: "procedure_code", type: "varchar", length: 40 })
  procedureCode!: ProcedureCode;

  @Field(() => OfferBasis)
  @Column({ type: "varchar", length: 24 })
  basis!: OfferBasis;

  @Field(() => String, { nullable: true, description: "E.g. appointment needed, fee, limits." })
  @Column({ type: "text", nullable: true })
  note!: string | null;

  @Field(() => String, { nullable: true, description: "Where a CONFIRMED offer is stated." })
  @Column({ name: "source_url", type: "text", nullable: true })
  sourceUrl!: string | null;

  /** Attached by Representation.procedures from one batched load; not a column. */
  @Field(() => Procedure)
  procedure!: Procedure;
}
