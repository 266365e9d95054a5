import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { GraphQLError } from "graphql";
import { ProcedureCode, RepresentationKind, RepresentationStatus, type Representation } from "../entities";
import { checkChanges, type CheckedChanges } from "../edits/validate-changes";
import type { RepresentationChanges } from "../edits/edit.types";
import type { CountryTableRowInput, ProblemCode, TableRowProblem } from "./table.types";

export type ProcedureAnswer = "CONFIRMED" | "USUAL" | "NO";
const ANSWERS: readonly ProcedureAnswer[] = ["CONFIRMED", "USUAL", "NO"];

/** The column a problem is reported in: the header the official sees. */
export const COLUMN: Record<string, string> = {
  id: "id",
  sendingCountry: "sending_country",
  kind: "kind",
  city: "city",
  address: "address",
  phones: "phones",
  emails: "emails",
  website: "website",
  openingHours: "opening_hours",
  status: "status",
  source: "source",
};
/** A procedure's column: its code in lower case ("passport"). */
export const procedureColumn = (code: string) => code.toLowerCase();

/** A row that passed every check, normalised. */
export interface CheckedRow {
  row: number;
  /** The office the row is about; undefined for a new office. */
  office?: Representation;
  sendingCountry?: string;
  kind?: RepresentationKind;
  status?: RepresentationStatus;
  changes: CheckedChanges;
  procedures: Map<ProcedureCode, ProcedureAnswer>;
  source: string | null;
}

export interface RowContext {
  host: string;
  hostName: string;
  /** Offices by id, every host. */
  offices: Map<string, Representation>;
  countries: Set<string>;
}

const clean = (value: string | null | undefined) => (value === null || value === undefined || !value.trim() ? undefined : value.trim());

/** A national number written without the country code: the same number in E.164, offered as the fix. */
function phoneFix(raw: string, host: string): string | null {
  const parsed = parsePhoneNumberFromString(raw, host as CountryCode);
  return parsed && parsed.isValid() ? parsed.formatInternational() : null;
}

/**
 * Checks one row of a host country's table as the API checks an edit (checkChanges), cell by
 * cell, collecting every problem with its row and column instead of stopping at the first.
 * Phones must carry their country code: a national number is refused with the number in
 * E.164 offered as the fix (the official writes it once, every reader can dial it).
 */
export function checkRow(input: CountryTableRowInput, ctx: RowContext): { checked?: CheckedRow; problems: TableRowProblem[] } {
  const problems: TableRowProblem[] = [];
  const problem = (column: string, code: ProblemCode, value: string | null, reason: string, fix: string | null = null) => problems.push({ row: input.row, column, code, value, reason, fix });
  const id = clean(input.id);
  const office = id ? ctx.offices.get(id) : undefined;
  if (id && !office) problem("id", "UNKNOWN_ID", id ?? null, `no office has the id "${id}"; leave the id empty to add a new office`);
  if (office && office.hostCountryCode !== ctx.host) {
    problem("id", "OTHER_HOST", office.hostCountryCode, `"${id}" is an office in ${office.hostCountryCode}, not in ${ctx.hostName}: a country's table holds only the offices it hosts`);
  }
  const sendingCountry = clean(input.sendingCountry)?.toUpperCase();
  if (sendingCountry && !ctx.countries.has(sendingCountry))
    problem("sending_country", "UNKNOWN_COUNTRY", input.sendingCountry ?? null, `"${input.sendingCountry}" is not an ISO 3166-1 alpha-2 code the directory knows (e.g. HN, CU)`);
  else if (sendingCountry === ctx.host) problem("sending_country", "SAME_COUNTRY", sendingCountry, "an office does not represent a country in the country it sits in");
  else if (office && sendingCountry && sendingCountry !== office.sendingCountryCode) {
    problem(
      "sending_country",
      "SENDER_CHANGE",
      office.sendingCountryCode,
      `the office ${office.id} represents ${office.sendingCountryCode}; a row cannot change the country an office represents: add the other office as a new row`,
    );
  }
  const kindText = clean(input.kind)?.toUpperCase();
  const kind = kindText && (Object.values(RepresentationKind) as string[]).includes(kindText) ? (kindText as RepresentationKind) : undefined;
  if (kindText && !kind) problem("kind", "BAD_KIND", input.kind ?? null, `"${input.kind}" is not one of ${Object.values(RepresentationKind).join(", ")}`);
  const statusText = clean(input.status)?.toUpperCase().replace(/\s+/g, "_");
  const status = statusText && (Object.values(RepresentationStatus) as string[]).includes(statusText) ? (statusText as RepresentationStatus) : undefined;
  if (statusText && !status) problem("status", "BAD_STATUS", input.status ?? null, `"${input.status}" is not one of ${Object.values(RepresentationStatus).join(", ")}`);
  if (!id) {
    if (!sendingCountry) problem("sending_country", "NEEDS_SENDER", null, "a new office needs the country it represents (ISO alpha-2)");
    if (!kindText) problem("kind", "NEEDS_KIND", null, "a new office needs its kind");
    if (!clean(input.city)) problem("city", "NEEDS_CITY", null, "a new office needs its city");
  }

  // Every value cell through the API's own checks, one field at a time so that each is reported.
  const changes: CheckedChanges = {};
  const fields: [keyof RepresentationChanges, unknown][] = [
    ["city", clean(input.city)],
    ["address", clean(input.address)],
    ["phones", (input.phones ?? []).map((p) => p.trim()).filter(Boolean)],
    ["emails", (input.emails ?? []).map((e) => e.trim()).filter(Boolean)],
    ["website", clean(input.website)],
    ["openingHours", clean(input.openingHours)],
    ["source", clean(input.source)],
  ];
  for (const [field, value] of fields) {
    if (value === undefined || (Array.isArray(value) && !value.length)) continue;
    const column = COLUMN[field];
    if (field === "phones") {
      const national = (value as string[]).filter((p) => !p.startsWith("+"));
      for (const raw of national) {
        const fix = phoneFix(raw, ctx.host);
        problem(
          column,
          fix ? "PHONE_NO_CODE" : "PHONE_NOT_OF_HOST",
          raw,
          `"${raw}" has no country code` + (fix ? `; as a number of ${ctx.hostName} it is ${fix}` : ` and is not a number of ${ctx.hostName}`),
          fix,
        );
      }
      if (national.length) continue;
    }
    try {
      Object.assign(changes, checkChanges({ [field]: value } as RepresentationChanges, ctx.host, "row"));
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      // The value refused: the list item the error names (row.phones[1]), or the cell.
      const item = /^row\.[a-zA-Z]+\[(\d+)\]/.exec(error.message)?.[1];
      const refused = Array.isArray(value) ? String(value[Number(item ?? 0)] ?? value.join("; ")) : String(value);
      problem(column, "INVALID", refused, error.message.replace(/^row\.[a-zA-Z]+(\[\d+\])?: /, ""));
    }
  }

  const procedures = new Map<ProcedureCode, ProcedureAnswer>();
  for (const cell of input.procedures ?? []) {
    const code = cell.procedure.trim().toUpperCase() as ProcedureCode;
    const answer = cell.answer.trim().toUpperCase() as ProcedureAnswer;
    if (!answer) continue;
    if (!(Object.values(ProcedureCode) as string[]).includes(code))
      problem(procedureColumn(cell.procedure), "UNKNOWN_PROCEDURE", cell.procedure, `"${cell.procedure}" is not a procedure of the directory`);
    else if (!ANSWERS.includes(answer)) problem(procedureColumn(code), "BAD_ANSWER", cell.answer, `"${cell.answer}" is not one of ${ANSWERS.join(", ")}`);
    else procedures.set(code, answer);
  }
  if (problems.length) return { problems };
  const { source = null, ...values } = changes;
  return { checked: { row: input.row, office, sendingCountry, kind, status, changes: values, procedures, source }, problems };
}
