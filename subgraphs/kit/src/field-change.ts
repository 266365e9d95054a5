import { Directive, Field, ObjectType } from "type-graphql";

/**
 * One changed field in an audit trail, before and after, as JSON. The same value type in
 * every subgraph that keeps a trail (the directory's audit records, the roster's history,
 * the exchange's batch reports), hence @shareable.
 */
@Directive("@shareable")
@ObjectType({ simpleResolvers: true, description: "One changed field: its value before and after, as JSON." })
export class FieldChange {
  @Field() field!: string;
  @Field({ description: "JSON" }) from!: string;
  @Field({ description: "JSON" }) to!: string;
}

/** An audit entry's `{ field: [old, new] }` as the API shows it. */
export const fieldChanges = (changes: Record<string, [unknown, unknown]>): FieldChange[] =>
  Object.entries(changes).map(([field, [from, to]]) => ({ field, from: JSON.stringify(from ?? null), to: JSON.stringify(to ?? null) }));
