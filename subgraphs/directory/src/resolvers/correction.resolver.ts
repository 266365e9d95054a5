import { randomUUID } from "node:crypto";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { actorOf, requireRole } from "../../../kit/src/access";
import { RestrictedTo } from "../../../kit/src/restricted";
import { BadUserInputError, NotFoundError } from "../../../../platform/src/errors";
import { Role } from "../../../../platform/src/identity";
import { FIRST_DESCRIPTION, pageSize } from "../../../kit/src/pagination";
import type { DirectoryContext } from "../context";
import { Correction, CorrectionStatus, ProposedChange, Representation } from "../entities";
import { applyChecked } from "../edits/apply-changes";
import { sourceFromReport } from "../sources/field-source-writes";
import { RepresentationChanges } from "../edits/edit.types";
import { checkChanges } from "../edits/validate-changes";
import { editRepresentation } from "../edits/write";

/** Only the fields the official gave (GraphQL leaves the others undefined). */
const given = (changes: RepresentationChanges) => Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));

/** Officials report what they find at the border; the secretariat decides. */
@Resolver(() => Correction)
export class CorrectionResolver {
  @Mutation(() => Correction, { description: "Reports a correction to an office (OFFICIAL). Checked now, applied only if the secretariat accepts it." })
  async submitCorrection(
    @Ctx() ctx: DirectoryContext,
    @Arg("representationId", () => ID) representationId: string,
    @Arg("changes", () => RepresentationChanges) changes: RepresentationChanges,
    @Arg("comment", () => String, { nullable: true, description: "What you found, e.g. the number no longer answers." }) comment?: string,
  ): Promise<Correction> {
    requireRole(ctx.identity, [Role.OFFICIAL], "submitCorrection");
    const rep = await ctx.loaders.representationById.load(representationId);
    if (!rep) throw new NotFoundError("Representation", representationId);
    const proposal = given(changes);
    if (!Object.keys(proposal).length) throw new BadUserInputError("changes", "propose at least one field");
    checkChanges(changes, rep.hostCountryCode, "changes"); // refuse a bad proposal now, not at review time
    if (comment && comment.length > 2000) throw new BadUserInputError("comment", "at most 2000 characters");
    const correction = ctx.dataSource.manager.create(Correction, {
      id: randomUUID(),
      representationId,
      representationVersion: rep.version,
      changes: proposal,
      comment: comment?.trim() || null,
      status: CorrectionStatus.PENDING,
      submittedBy: actorOf(ctx.identity),
      submitterCountry: ctx.identity.country ?? "",
      submittedAt: new Date().toISOString(),
      decidedAt: null,
      decisionReason: null,
    });
    return ctx.dataSource.manager.save(Correction, correction);
  }

  @RestrictedTo(Role.SECRETARIAT)
  @Query(() => [Correction], { description: "Corrections waiting for a decision, oldest first (SECRETARIAT)." })
  async pendingCorrections(@Ctx() ctx: DirectoryContext, @Arg("first", () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number): Promise<Correction[]> {
    requireRole(ctx.identity, [Role.SECRETARIAT], "pendingCorrections");
    return ctx.dataSource.manager.find(Correction, { where: { status: CorrectionStatus.PENDING }, order: { submittedAt: "ASC", id: "ASC" }, take: pageSize(first) });
  }

  @RestrictedTo(Role.OFFICIAL)
  @Query(() => [Correction], { description: "The corrections you reported and what became of them, newest first (OFFICIAL)." })
  async myCorrections(@Ctx() ctx: DirectoryContext, @Arg("first", () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number): Promise<Correction[]> {
    requireRole(ctx.identity, [Role.OFFICIAL], "myCorrections");
    return ctx.dataSource.manager.find(Correction, { where: { submittedBy: actorOf(ctx.identity) }, order: { submittedAt: "DESC", id: "DESC" }, take: pageSize(first) });
  }

  @Mutation(() => Correction, { description: "Applies a reported correction to the office, crediting the report (SECRETARIAT). Send the office's version you reviewed." })
  async acceptCorrection(@Ctx() ctx: DirectoryContext, @Arg("id", () => ID) id: string, @Arg("representationVersion", () => Int) representationVersion: number): Promise<Correction> {
    requireRole(ctx.identity, [Role.SECRETARIAT], "acceptCorrection");
    const pending = await this.pending(ctx, id);
    await editRepresentation(ctx.dataSource, ctx.identity, pending.representationId, representationVersion, "CORRECTION_ACCEPTED", async (rep, m) => {
      const related = await applyChecked(m, rep, checkChanges(pending.changes as RepresentationChanges, rep.hostCountryCode, "changes"), "changes");
      // The report is the source of what it changed, and a verification of the office today (issue 21).
      const day = new Date().toISOString().slice(0, 10);
      await sourceFromReport(m, rep, Object.keys(pending.changes), {
        url: `enlace:correction/${id}`,
        day,
        words: `Reported by an OFFICIAL of ${pending.submitterCountry} on ${pending.submittedAt.slice(0, 10)}, accepted by the secretariat on ${day}`,
      });
      rep.lastVerifiedOn = day;
      rep.lastVerifiedBy = `OFFICIAL ${pending.submitterCountry} (correction ${id})`;
      const result = await m.update(Correction, { id, status: CorrectionStatus.PENDING }, { status: CorrectionStatus.ACCEPTED, decidedAt: new Date().toISOString() });
      if (!result.affected) throw new BadUserInputError("id", "the correction was decided meanwhile");
      return { ...related, correction: [null, `${id} by ${pending.submittedBy} (${pending.submitterCountry})`] };
    });
    return ctx.dataSource.manager.findOneByOrFail(Correction, { id });
  }

  @Mutation(() => Correction, { description: "Declines a reported correction, saying why (SECRETARIAT); the office is not changed." })
  async rejectCorrection(@Ctx() ctx: DirectoryContext, @Arg("id", () => ID) id: string, @Arg("reason") reason: string): Promise<Correction> {
    requireRole(ctx.identity, [Role.SECRETARIAT], "rejectCorrection");
    if (!reason.trim()) throw new BadUserInputError("reason", "say why, so the official learns from it");
    await this.pending(ctx, id);
    const result = await ctx.dataSource.manager.update(
      Correction,
      { id, status: CorrectionStatus.PENDING },
      { status: CorrectionStatus.REJECTED, decidedAt: new Date().toISOString(), decisionReason: reason.trim() },
    );
    if (!result.affected) throw new BadUserInputError("id", "the correction was decided meanwhile");
    return ctx.dataSource.manager.findOneByOrFail(Correction, { id });
  }

  @FieldResolver(() => Representation, { nullable: true })
  representation(@Root() c: Correction, @Ctx() ctx: DirectoryContext): Promise<Representation | null> {
    return ctx.loaders.representationById.load(c.representationId);
  }

  @FieldResolver(() => [ProposedChange])
  proposedChanges(@Root() c: Correction): ProposedChange[] {
    return Object.entries(c.changes).map(([field, value]) => ({ field, value: JSON.stringify(value) }));
  }

  private async pending(ctx: DirectoryContext, id: string): Promise<Correction> {
    const correction = await ctx.dataSource.manager.findOneBy(Correction, { id });
    if (!correction) throw new NotFoundError("Correction", id);
    if (correction.status !== CorrectionStatus.PENDING) throw new BadUserInputError("id", `the correction is already ${correction.status}`);
    return correction;
  }
}
