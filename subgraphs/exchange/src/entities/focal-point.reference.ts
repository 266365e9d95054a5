import { Directive, Field, ID, ObjectType } from "type-graphql";
import { FocalPointRole } from "../../../kit/src/focal-point-role";

/** The roster's FocalPoint: the exchange adds its counterparts, from the role the roster resolves. */
@Directive(`@key(fields: "id")`)
@ObjectType("FocalPoint")
export class FocalPointReference {
  @Field(() => ID)
  id!: string;

  @Directive("@external")
  @Field(() => FocalPointRole)
  role?: FocalPointRole;
}
