import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { actorOf, requireRole } from "../../../kit/src/access";
import { BadUserInputError } from "../../../../platform/src/errors";
import { Role } from "../../../../platform/src/identity";
import type { DirectoryContext } from "../context";
import { OfferBasis, ProcedureOfferRow, Representation, RepresentationStatus } from "../entities";
import { applyChecked, checkDate } from "../edits/apply-changes";
import { NewRepresentationInput, ProcedureOfferInput, RepresentationChanges } from "../edits/edit.types";
import { checkChanges, checkUrl } from "../edits/validate-changes";
import { editRepresentation } from "../edits/write";
import { insertRepresentation } from "../edits/create";

const today = () => new Date().toISOString().slice(0, 10);
const SECRETARIAT = [Role.SECRETARIAT];

/** The CRM secretariat keeps the directory current. Every write: SECRETARIAT only, versioned, audited. */
@Resolver(() => Representation)
export class RepresentationEditResolver {
  @Mutation(() => Representation, { description: "Adds an office (SECRETARIAT). Its procedures start as TYPICAL_FOR_KIND until setProcedureOffers confirms them." })
  async createRepresentation(@Ctx() ctx: DirectoryContext, @Arg("input", () => NewRepresentationInput) input: NewRepresentationInput): Promise<Representation> {
    requireRole(ctx.identity, SECRETARIAT, "createRepresentation");
    const sender = input.sendingCountry.trim().toUpperCase();
    const host = input.hostCountry.trim().toUpperCase();
    if (sender === host) throw new BadUserInputError("input.hostCountry", "an office does not represent a country in itself");
    const checked = checkChanges(input, host);
    if (!checked.source) throw new BadUserInputError("input.source", "a new office needs its source (URL)");
    return ctx.dataSource.transaction((m) => insertRepresentation(m, ctx.identity, { sender, host, kind: input.kind, checked }));
  }

  @Mutation(() => Representation, { description: "Changes an office's details (SECRETARIAT). Send the version you read." })
  async updateRepresentation(
    @Ctx() ctx: DirectoryContext,
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int) version: number,
    @Arg("changes", () => RepresentationChanges) changes: RepresentationChanges,
  ): Promise<Representation> {
    requireRole(ctx.identity, SECRETARIAT, "updateRepresentation");
    return editRepresentation(ctx.dataSource, ctx.identity, id, version, "UPDATED", async (rep, m) => {
      return applyChecked(m, rep, checkChanges(changes, rep.hostCountryCode, "changes"), "changes");
    });
  }

  @Mutation(() => Representation, { description: "Replaces the procedures an office handles (SECRETARIAT). CONFIRMED offers need their source." })
  async setProcedureOffers(
    @Ctx() ctx: DirectoryContext,
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int) version: number,
    @Arg("offers", () => [ProcedureOfferInput]) offers: ProcedureOfferInput[],
  ): Promise<Representation> {
    requireRole(ctx.identity, SECRETARIAT, "setProcedureOffers");
    const seen = new Set<string>();
    const rows = offers.map((offer, i) => {
      if (seen.has(offer.procedure)) throw new BadUserInputError(`offers[${i}].procedure`, `${offer.procedure} is listed twice`);
      seen.add(offer.procedure);
      if (offer.basis === OfferBasis.CONFIRMED && !offer.sourceUrl) throw new BadUserInputError(`offers[${i}].sourceUrl`, "a CONFIRMED offer needs the URL that confirms it");
      const note = offer.note?.trim() || null;
      if (note && note.length > 500) throw new BadUserInputError(`offers[${i}].note`, "at most 500 characters");
      return { representationId: id, procedureCode: offer.procedure, basis: offer.basis, note, sourceUrl: offer.sourceUrl ? checkUrl(offer.sourceUrl, `offers[${i}].sourceUrl`) : null };
    });
    // Offers as comparable text: "PASSPORT CONFIRMED <source> <note>", sorted.
    const canonical = (list: { procedureCode: string; basis: string; sourceUrl: string | null; note: string | null }[]) =>
      list.map((o) => [o.procedureCode, o.basis, o.sourceUrl ?? "", o.note ?? ""].join(" ")).sort();
    return editRepresentation(ctx.dataSource, ctx.identity, id, version, "OFFERS_SET", async (_rep, m) => {
      const before = canonical(await m.findBy(ProcedureOfferRow, { representationId: id }));
      if (JSON.stringify(before) === JSON.stringify(canonical(rows))) return;
      await m.delete(ProcedureOfferRow, { representationId: id });
      if (rows.length) await m.insert(ProcedureOfferRow, rows);
      return { procedures: [before, canonical(rows)] };
    });
  }

  @Mutation(() => Representation, { description: "Closes, temporarily closes or reopens an office (SECRETARIAT). Closed offices are kept, not deleted." })
  async changeRepresentationStatus(
    @Ctx() ctx: DirectoryContext,
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int) version: number,
    @Arg("status", () => RepresentationStatus) status: RepresentationStatus,
    @Arg("since", { description: "Date of the change (YYYY-MM-DD)." }) since: string,
  ): Promise<Representation> {
    requireRole(ctx.identity, SECRETARIAT, "changeRepresentationStatus");
    const date = checkDate(since, "since");
    return editRepresentation(ctx.dataSource, ctx.identity, id, version, "STATUS_CHANGED", (rep) => {
      Object.assign(rep, { status, statusSince: date });
    });
  }

  @Mutation(() => Representation, { description: "Records that someone checked the office's details (SECRETARIAT)." })
  async markRepresentationVerified(
    @Ctx() ctx: DirectoryContext,
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int) version: number,
    @Arg("on", () => String, { nullable: true, description: "Date of the check; default today." }) on?: string,
  ): Promise<Representation> {
    requireRole(ctx.identity, SECRETARIAT, "markRepresentationVerified");
    const date = on ? checkDate(on, "on") : today();
    if (date > today()) throw new BadUserInputError("on", "a verification cannot be in the future");
    return editRepresentation(ctx.dataSource, ctx.identity, id, version, "VERIFIED", (rep) => {
      Object.assign(rep, { lastVerifiedOn: date, lastVerifiedBy: actorOf(ctx.identity) });
    });
  }
}
