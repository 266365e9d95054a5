import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { CountryTableSubmission } from "../entities";

/** One procedure column of a row: the procedure's code and the cell (CONFIRMED, USUAL or NO). */
@InputType({ description: "A procedure column of a country's table: the procedure's code and the cell as written (CONFIRMED, USUAL, NO)." })
export class TableProcedureCell {
  @Field({ description: "A ProcedureCode, e.g. PASSPORT." }) procedure!: string;
  @Field({ description: "CONFIRMED (the office says it handles it), USUAL (offices of its kind usually do), NO (it does not)." }) answer!: string;
}

/**
 * A row of a host country's table, as written in the workbook or CSV: every cell a string,
 * so that a wrong value is reported with its row and column instead of failing the request.
 * An empty cell says nothing: it never erases a value.
 */
@InputType({ description: "A row of a host country's table (workbook or CSV). Empty cells say nothing and never erase a value." })
export class CountryTableRowInput {
  @Field(() => Int, { description: "The row's number in the file, for the report." }) row!: number;
  @Field(() => String, { nullable: true, description: "The office's id; empty for an office the directory does not have yet." }) id?: string | null;
  @Field(() => String, { nullable: true, description: "ISO alpha-2 of the country the office represents (needed for a new office)." }) sendingCountry?: string | null;
  @Field(() => String, { nullable: true, description: "A RepresentationKind, e.g. CONSULATE." }) kind?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => [String], { nullable: true, description: "E.164 (+502 2333 4444)." }) phones?: string[] | null;
  @Field(() => [String], { nullable: true }) emails?: string[] | null;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => String, { nullable: true, description: "OpenStreetMap opening_hours syntax." }) openingHours?: string | null;
  @Field(() => String, { nullable: true, description: "ACTIVE, TEMPORARILY_CLOSED or CLOSED." }) status?: string | null;
  @Field(() => [TableProcedureCell], { nullable: true }) procedures?: TableProcedureCell[] | null;
  @Field(() => String, { nullable: true, description: "Where the row's values come from (URL); empty: the submitting country is the source." }) source?: string | null;
}

/** What is wrong with a cell, for a page to say in its own language. */
export type ProblemCode =
  | "UNKNOWN_ID"
  | "OTHER_HOST"
  | "UNKNOWN_COUNTRY"
  | "SAME_COUNTRY"
  | "SENDER_CHANGE"
  | "BAD_KIND"
  | "BAD_STATUS"
  | "NEEDS_SENDER"
  | "NEEDS_KIND"
  | "NEEDS_CITY"
  | "PHONE_NO_CODE"
  | "PHONE_NOT_OF_HOST"
  | "INVALID"
  | "DUPLICATE_ROW"
  | "UNKNOWN_PROCEDURE"
  | "BAD_ANSWER"
  | "UNKNOWN_COLUMN"
  | "NO_ID_COLUMN";

@ObjectType({ simpleResolvers: true, description: "A cell the table cannot take: its row, its column, why, and the value to write instead when one can be offered." })
export class TableRowProblem {
  @Field(() => Int) row!: number;
  @Field({ description: "The column's header, e.g. phones." }) column!: string;
  @Field(() => String, {
    description:
      "What is wrong, for a page to say in its language: UNKNOWN_ID, OTHER_HOST, UNKNOWN_COUNTRY, SAME_COUNTRY, SENDER_CHANGE, BAD_KIND, BAD_STATUS, NEEDS_SENDER, NEEDS_KIND, NEEDS_CITY, PHONE_NO_CODE, PHONE_NOT_OF_HOST, INVALID, DUPLICATE_ROW, UNKNOWN_PROCEDURE, BAD_ANSWER, UNKNOWN_COLUMN, NO_ID_COLUMN.",
  })
  code!: ProblemCode;
  @Field(() => String, { nullable: true, description: "The value refused (OTHER_HOST, SENDER_CHANGE: the country; DUPLICATE_ROW: the first row)." }) value!: string | null;
  @Field() reason!: string;
  @Field(() => String, { nullable: true, description: "The value to write instead, e.g. the phone with the host's country code." }) fix?: string | null;
}

@ObjectType({ simpleResolvers: true, description: "A column whose value the row changes: old and new values as JSON." })
export class TableFieldChange {
  @Field({ description: "The column's header, e.g. phones or passport." }) field!: string;
  @Field(() => String, { nullable: true, description: "The directory's value (JSON)." }) old!: string | null;
  @Field(() => String, { nullable: true, description: "The table's value (JSON)." }) new!: string | null;
}

@ObjectType({ simpleResolvers: true, description: "An office of the table that the directory has, with what the row changes." })
export class TableOfficeChange {
  @Field(() => Int) row!: number;
  @Field(() => ID) id!: string;
  @Field(() => [TableFieldChange]) changes!: TableFieldChange[];
}

@ObjectType({ simpleResolvers: true, description: "An office the table adds: flagged for the secretariat's review." })
export class TableNewOffice {
  @Field(() => Int) row!: number;
  @Field(() => ID, { description: "The id it will have." }) id!: string;
  @Field() sendingCountry!: string;
  @Field() kind!: string;
  @Field() city!: string;
}

@ObjectType({ simpleResolvers: true, description: "What a country's table changes: like the import's report." })
export class CountryTableDiff {
  @Field(() => [TableNewOffice]) created!: TableNewOffice[];
  @Field(() => [TableOfficeChange]) changed!: TableOfficeChange[];
  @Field(() => [ID], { description: "Offices whose rows change nothing." }) unchanged!: string[];
  @Field(() => [TableRowProblem], { description: "Cells refused: while there is one, nothing is recorded." }) rejected!: TableRowProblem[];
}

@ObjectType({ simpleResolvers: true })
export class CountryTableReport {
  @Field({ description: "A preview: nothing was recorded." }) dryRun!: boolean;
  @Field({ description: "Whether the table was recorded for the secretariat's review (never when a cell is refused)." }) recorded!: boolean;
  @Field(() => CountryTableSubmission, { nullable: true }) submission!: CountryTableSubmission | null;
  @Field(() => CountryTableDiff) diff!: CountryTableDiff;
}
