import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { JurisdictionBasis } from "./enums";

/** A country an office can act in: its host (RESIDENT) or by concurrent accreditation. */
@ObjectType("JurisdictionEntry", { simpleResolvers: true, description: "A country the office can act in, and why." })
@Entity({ name: "representation_jurisdiction" })
@Index("idx_jurisdiction_country", ["countryCode"])
export class JurisdictionRow {
  @PrimaryColumn({ name: "representation_id", type: "varchar", length: 120 })
  representationId!: string;

  @PrimaryColumn({ name: "country_code", type: "varchar", length: 2 })
  countryCode!: string;

  @Field(() => JurisdictionBasis)
  @Column({ type: "varchar", length: 32 })
  basis!: JurisdictionBasis;
}
