import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { ProcedureCode } from "./enums";

@ObjectType({ simpleResolvers: true, description: "A consular procedure (trámite) of the catalogue." })
@Entity({ name: "procedure" })
export class Procedure {
  @Field(() => ProcedureCode)
  @PrimaryColumn({ type: "varchar", length: 40 })
  code!: ProcedureCode;

  @Field(() => Int, { description: "Order in which the catalogue is shown." })
  @Column({ type: "integer" })
  position!: number;

  @Column({ name: "label_es", type: "text" }) labelEs!: string;
  @Column({ name: "label_en", type: "text" }) labelEn!: string;
  @Column({ name: "label_fr", type: "text" }) labelFr!: string;
  @Column({ name: "label_pt", type: "text" }) labelPt!: string;

  /** Kinds of office that usually handle it (";"-separated): the basis of TYPICAL_FOR_KIND offers. */
  @Column({ name: "typical_for_kinds", type: "text", default: "" })
  typicalForKinds!: string;

  handledTypicallyBy(kind: string): boolean {
    return this.typicalForKinds.split(";").includes(kind);
  }
}
