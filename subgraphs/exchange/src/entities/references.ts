import { Directive, Field, ID, ObjectType } from "type-graphql";
import { FocalPointRole } from "../../../shared/src/focal-point-role";

/** The directory's Country, as the exchange sees it: a key, to which it adds partner contacts. */
@Directive(`@key(fields: "code")`)
@ObjectType("Country")
export class CountryReference {
  @Field({ description: "ISO 3166-1 alpha-2 code, e.g. HT." })
  code!: string;
}

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
