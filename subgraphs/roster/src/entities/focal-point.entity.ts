import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from "typeorm";
import { FocalPointRole, FocalPointStatus } from "./enums";

/**
 * A person a member state designated for a role. Personal fields (name, position, e-mails,
 * phones) are resolved by field resolvers that check the caller's role (access.ts).
 */
@Directive(`@key(fields: "id")`)
@ObjectType({ simpleResolvers: true, description: "A national focal point of a CRM member state." })
@Entity({ name: "focal_point" })
@Index("idx_focal_point_country_role", ["countryCode", "role"])
export class FocalPoint {
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: 64 })
  id!: string;

  @Column({ name: "country_code", type: "varchar", length: 2 })
  countryCode!: string;

  @Field(() => FocalPointRole)
  @Column({ type: "varchar", length: 40 })
  role!: FocalPointRole;

  @Column({ name: "person_name", type: "text" }) personName!: string;
  @Column({ type: "text", nullable: true }) position!: string | null;

  @Field({ description: "The institution the person works for (public)." })
  @Column({ type: "text" })
  institution!: string;

  @Column({ type: "simple-json" }) emails!: string[];
  @Column({ type: "simple-json" }) phones!: string[];

  @Field(() => [String], { description: "Languages the person works in (BCP 47)." })
  @Column({ type: "simple-json" })
  languages!: string[];

  @Field({ description: "Start of the term (YYYY-MM-DD)." })
  @Column({ name: "term_start", type: "varchar", length: 10 })
  termStart!: string;

  @Field(() => String, { nullable: true, description: "End of the term, when set (YYYY-MM-DD)." })
  @Column({ name: "term_end", type: "varchar", length: 10, nullable: true })
  termEnd!: string | null;

  @Field(() => FocalPointStatus)
  @Column({ type: "varchar", length: 16 })
  status!: FocalPointStatus;

  /** Partner conferences the secretariat shares this focal point with (e.g. CSM). */
  @Column({ name: "shared_with", type: "simple-json" })
  sharedWith!: string[];

  @Column({ name: "representation_id", type: "varchar", length: 120, nullable: true })
  representationId!: string | null;

  @Field(() => Int)
  @VersionColumn()
  version!: number;
}
