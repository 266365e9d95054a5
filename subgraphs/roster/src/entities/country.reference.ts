import { Directive, Field, ObjectType } from "type-graphql";

/** The directory's Country, as the roster sees it: a key, to which it adds focal points. */
@Directive(`@key(fields: "code")`)
@ObjectType("Country")
export class CountryReference {
  @Field({ description: "ISO 3166-1 alpha-2 code, e.g. HT." })
  code!: string;
}
