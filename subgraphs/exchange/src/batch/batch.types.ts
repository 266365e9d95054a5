import { FieldChange } from "../../../kit/src/field-change";
import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

export enum BatchMode {
  FULL = "FULL",
  INCREMENTAL = "INCREMENTAL",
}
registerEnumType(BatchMode, {
  name: "BatchMode",
  valuesConfig: {
    FULL: { description: "The batch is the partner's whole list: its contacts missing from it are removed." },
    INCREMENTAL: { description: "Creates and updates the contacts in the batch, and removes those in `remove`; leaves the rest." },
  },
});

export enum RowOutcome {
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  UNCHANGED = "UNCHANGED",
  REMOVED = "REMOVED",
  REJECTED = "REJECTED",
}
registerEnumType(RowOutcome, { name: "RowOutcome" });

/**
 * One contact as the partner sends it. Fields are nullable in the schema so that a bad
 * row is reported (REJECTED, with the field) instead of failing the whole batch.
 */
@InputType({ description: "A partner contact. Required: externalId, country, topics, personName, institution, and an e-mail or a phone." })
export class PartnerContactInput {
  @Field(() => String, { nullable: true, description: "The partner's own id (unique within its conference)." }) externalId?: string | null;
  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2." }) country?: string | null;
  @Field(() => [String], { nullable: true, description: "ExchangeTopic values, e.g. TRAFFICKING_IN_PERSONS." }) topics?: string[] | null;
  @Field(() => String, { nullable: true }) personName?: string | null;
  @Field(() => String, { nullable: true }) position?: string | null;
  @Field(() => String, { nullable: true }) institution?: string | null;
  @Field(() => [String], { nullable: true }) emails?: string[] | null;
  @Field(() => [String], { nullable: true, description: "E.164, or national numbers of the contact's country." }) phones?: string[] | null;
  @Field(() => [String], { nullable: true, description: "BCP 47." }) languages?: string[] | null;
}

@ObjectType({ description: "What happened to one row of a batch (or to a contact it removed)." })
export class BatchRow {
  @Field(() => Int, { nullable: true, description: "The row's position in `contacts` (0-based); null for a removal." }) index!: number | null;
  @Field(() => String, { nullable: true }) externalId!: string | null;
  @Field(() => RowOutcome) outcome!: RowOutcome;
  @Field(() => String, { nullable: true, description: "The contact's id in Enlace." }) contactId!: string | null;
  @Field(() => [String], { description: "UPDATED: the fields that changed." }) changedFields!: string[];
  @Field(() => [FieldChange], { description: "UPDATED: each changed field, before and after (the exchange's audit trail of values)." }) changes!: FieldChange[];
  @Field(() => String, { nullable: true, description: "REJECTED: the offending field, e.g. contacts[3].emails[0]." }) field!: string | null;
  @Field(() => String, { nullable: true, description: "REJECTED: why." }) reason!: string | null;
}

@ObjectType()
export class BatchCounts {
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) removed!: number;
  @Field(() => Int) rejected!: number;
}

@ObjectType({ description: "The outcome of a batch. A replay of the same batchId returns the first report with replayed: true." })
export class BatchReport {
  @Field() batchId!: string;
  @Field() conference!: string;
  @Field(() => BatchMode) mode!: BatchMode;
  @Field({ description: "ISO 8601: when the batch was applied (the first time)." }) appliedAt!: string;
  @Field({ description: "True when this batchId had been applied before: nothing changed now." }) replayed!: boolean;
  @Field({ description: "True when the batch was sent with dryRun: the report says what it would do; nothing was written and the batchId is still unused." }) dryRun!: boolean;
  @Field(() => BatchCounts) counts!: BatchCounts;
  @Field(() => [BatchRow]) rows!: BatchRow[];
}
