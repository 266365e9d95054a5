import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Membership } from "./enums";

@Directive(`@key(fields: "code")`)
@ObjectType({ simpleResolvers: true, description: "A country (ISO 3166-1). Names come from i18n-iso-countries." })
@Entity({ name: "country" })
export class Country {
  @Field({ description: "ISO 3166-1 alpha-2 code, e.g. HT." })
  @PrimaryColumn({ type: "varchar", length: 2 })
  code!: string;

  @Field({ description: "ISO 3166-1 alpha-3 code, e.g. HTI." })
  @Column({ type: "varchar", length: 3 })
  alpha3!: string;

  @Column({ name: "name_es", type: "text" }) nameEs!: string;
  @Column({ name: "name_en", type: "text" }) nameEn!: string;
  @Column({ name: "name_fr", type: "text" }) nameFr!: string;
  @Column({ name: "name_pt", type: "text" }) namePt!: string;

  @Field(() => Membership, { nullable: true, description: "Standing in the Regional Conference on Migration (CRM)." })
  @Column({ name: "crm_membership", type: "varchar", length: 16, nullable: true })
  crmMembership!: Membership | null;

  @Field(() => Membership, { nullable: true, description: "Standing in the South American Conference on Migration (CSM)." })
  @Column({ name: "csm_membership", type: "varchar", length: 16, nullable: true })
  csmMembership!: Membership | null;

  /** Folded names in all languages, for accent-insensitive search. */
  @Column({ name: "search_text", type: "text" })
  searchText!: string;
}
