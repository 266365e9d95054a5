import { Arg, Ctx, ID, Int, Mutation, Resolver, registerEnumType } from "type-graphql";
import { In } from "typeorm";
import { BadUserInputError, ForbiddenError } from "../../../../platform/src/errors";
import { requireRole } from "../../../kit/src/access";
import { Role } from "../../../../platform/src/identity";
import type { DirectoryContext } from "../context";
import { FieldSourceRow, Representation } from "../entities";
import { SourcedField } from "../entities/enums";
import { editRepresentation } from "../edits/write";
import { valuesNeedingSources } from "../sources/field-sources";
import { ownSourceRows } from "../sources/field-source-writes";

export enum ConfirmationMethod {
  PHONE_CALL = "PHONE_CALL",
  VISIT = "VISIT",
  OFFICE_PAGE = "OFFICE_PAGE",
}
registerEnumType(ConfirmationMethod, {
  name: "ConfirmationMethod",
  description: "How an official checked an office's details.",
  valuesConfig: { PHONE_CALL: { description: "By calling the office." }, VISIT: { description: "In person." }, OFFICE_PAGE: { description: "On the office's or its ministry's own page." } },
});

const METHOD_WORDS: Record<ConfirmationMethod, string> = { PHONE_CALL: "by phone", VISIT: "in person", OFFICE_PAGE: "on the office's own page" };
/** The fields one can confirm: those whose values carry sources. */
const CONFIRMABLE = [SourcedField.PHONE, SourcedField.EMAIL, SourcedField.ADDRESS, SourcedField.WEBSITE, SourcedField.OPENING_HOURS, SourcedField.STATUS];

@Resolver()
export class ConfirmationResolver {
  @Mutation(() => Representation, {
    description:
      "I checked these details today (issue 21): an OFFICIAL of the office's host country (or the SECRETARIAT) confirms the office's current values of the fields given, by phone, visit or the office's page. Each value gets that confirmation as its source (who: role and country, never a person; how; the day), and the office's verification date becomes today.",
  })
  async confirmRepresentation(
    @Ctx() ctx: DirectoryContext,
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int) version: number,
    @Arg("fields", () => [SourcedField]) fields: SourcedField[],
    @Arg("method", () => ConfirmationMethod) method: ConfirmationMethod,
  ): Promise<Representation> {
    requireRole(ctx.identity, [Role.OFFICIAL, Role.SECRETARIAT], "confirmRepresentation");
    if (!fields.length) throw new BadUserInputError("fields", "name at least one field you checked");
    fields.forEach((field, i) => {
      if (!CONFIRMABLE.includes(field)) throw new BadUserInputError(`fields[${i}]`, `${field} cannot be confirmed; one of ${CONFIRMABLE.join(", ")}`);
    });
    const day = new Date().toISOString().slice(0, 10);
    const who = ctx.identity.role === Role.OFFICIAL ? `an OFFICIAL of ${ctx.identity.country}` : "the SECRETARIAT";
    return editRepresentation(ctx.dataSource, ctx.identity, id, version, "CONFIRMED", async (rep, m) => {
      if (ctx.identity.role === Role.OFFICIAL && rep.hostCountryCode !== ctx.identity.country) {
        throw new ForbiddenError(`only officials of ${rep.hostCountryCode}, where the office is, or the secretariat confirm its details`);
      }
      const held = valuesNeedingSources({ ...rep, status: rep.status, caveats: [], confirmedProcedures: [], concurrent: [] });
      const values = fields.map((field, i) => {
        const own = field === SourcedField.STATUS ? [{ field, value: rep.status }] : held.filter((h) => h.field === field);
        if (!own.length) throw new BadUserInputError(`fields[${i}]`, `the office has no ${field.toLowerCase()} to confirm; report the right one instead`);
        return own;
      });
      const wanted = [...new Set(fields)];
      await m.delete(FieldSourceRow, { representationId: rep.id, field: In(wanted) });
      const rows = ownSourceRows(m, rep, values.flat(), { url: `enlace:confirmation/${rep.id}/${day}`, day, words: `Confirmed ${METHOD_WORDS[method]} by ${who} on ${day}` });
      await m.insert(FieldSourceRow, rows);
      rep.lastVerifiedOn = day;
      // Who, as the public may read it: a role and a country, never a person (the key id stays in the audit trail).
      rep.lastVerifiedBy = ctx.identity.role === Role.OFFICIAL ? `OFFICIAL ${ctx.identity.country}` : "SECRETARIAT";
      return { confirmed: [null, { fields: wanted, method }] };
    });
  }
}
