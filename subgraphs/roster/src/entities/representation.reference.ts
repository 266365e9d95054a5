import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The directory's Representation, as the roster sees it: a key, to which it adds contacts. */
@Directive(`@key(fields: "id")`)
@ObjectType("Representation")
export class RepresentationReference {
  @Field(() => ID, { description: "Stable slug: sender-host-kind-city." })
  id!: string;
}
