import { Directive, Field, ObjectType } from "type-graphql";

/** The directory's Country, as the exchange sees it: a key, to which it adds partner contacts. */
@Directive(`@key(fields: "code")`)
@ObjectType("Country")
export class CountryReference {
  @Field({ description: "ISO 3166-1 alpha-2 code, e.g. HT." })
  code!: string;
}
