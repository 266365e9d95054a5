import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { PhoneLabel, SourcedField } from "./enums";

/**
 * Where one value of an office comes from: the page (or the submitting authority), its
 * date, and the exact words that state it, so a reviewer checks the value in seconds.
 * `value` is the value as the office holds it (a phone's raw text, an e-mail, a status, a
 * procedure code); a value without such a row is refused at seed and import.
 */
@ObjectType("FieldSource", { simpleResolvers: true, description: "The source of one value of an office: URL, date and the exact excerpt that states it." })
@Entity({ name: "field_source" })
@Index("idx_field_source_representation", ["representationId"])
export class FieldSourceRow {
  @PrimaryColumn({ name: "representation_id", type: "varchar", length: 120 })
  representationId!: string;

  @Field(() => SourcedField)
  @PrimaryColumn({ type: "varchar", length: 16 })
  field!: SourcedField;

  @Field({ description: "The value this source states, as the office holds it (a phone as written, an e-mail, a status, a procedure code)." })
  @PrimaryColumn({ type: "varchar", length: 500 })
  value!: string;

  @Field(() => PhoneLabel, { nullable: true, description: "For a phone: what the source says the number is for." })
  @Column({ type: "varchar", length: 16, nullable: true })
  label!: PhoneLabel | null;

  @Field({ description: "The page that states the value, or enlace:... for a submission or confirmation by a member state's authority." })
  @Column({ type: "text" })
  url!: string;

  @Field(() => String, { nullable: true, description: "The date the source gives itself (YYYY, YYYY-MM or YYYY-MM-DD); null when it shows none." })
  @Column({ type: "varchar", length: 10, nullable: true })
  published!: string | null;

  @Field({ description: "When the source was read (YYYY-MM-DD)." })
  @Column({ name: "seen_on", type: "varchar", length: 10 })
  seenOn!: string;

  @Field({ description: "The exact words of the source that state the value." })
  @Column({ type: "text" })
  excerpt!: string;
}
