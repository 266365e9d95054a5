import { randomUUID } from "node:crypto";
import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { requireRole } from "../../../kit/src/access";
import { BadUserInputError } from "../../../../platform/src/errors";
import { Role } from "../../../../platform/src/identity";
import type { RosterContext } from "../context";
import { FocalPointRole, FocalPointStatus } from "../entities/enums";
import { FocalPoint } from "../entities/focal-point.entity";
import { RosterAudit } from "../entities/roster-audit.entity";
import { checkCountry, checkDate, checkFocalPointChanges, FocalPointChanges, NominationInput } from "../focal-point.input";
import { rosterEvent, writeFocalPoint } from "../write";
import { recordFocalPointChanges } from "../feed/record";

const SECRETARIAT = [Role.SECRETARIAT];
const today = () => new Date().toISOString().slice(0, 10);
const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The CRM secretariat keeps the roster: nominate, update, replace, end. Versioned, with history. */
@Resolver(() => FocalPoint)
export class FocalPointWriteResolver {
  @Mutation(() => FocalPoint, { description: "Records a newly designated focal point (SECRETARIAT)." })
  async nominateFocalPoint(@Ctx() ctx: RosterContext, @Arg("input", () => NominationInput) input: NominationInput): Promise<FocalPoint> {
    requireRole(ctx.identity, SECRETARIAT, "nominateFocalPoint");
    const fp = this.nomination(ctx, input, "input");
    return ctx.dataSource.transaction(async (m) => {
      await m.save(FocalPoint, fp);
      await m.save(RosterAudit, rosterEvent(m, ctx.identity, fp.id, "NOMINATED", { personName: [null, fp.personName], role: [null, fp.role], termStart: [null, fp.termStart] }));
      await recordFocalPointChanges(m, [fp]);
      return fp;
    });
  }

  @Mutation(() => FocalPoint, { description: "Changes a focal point's details (SECRETARIAT). Send the version you read." })
  async updateFocalPoint(
    @Ctx() ctx: RosterContext,
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int) version: number,
    @Arg("changes", () => FocalPointChanges) changes: FocalPointChanges,
  ): Promise<FocalPoint> {
    requireRole(ctx.identity, SECRETARIAT, "updateFocalPoint");
    const checked = checkFocalPointChanges(changes, "changes");
    return ctx.dataSource.transaction((m) =>
      writeFocalPoint(m, ctx.identity, id, version, "UPDATED", (fp) => {
        Object.assign(fp, checked);
        if (fp.termEnd !== null && fp.termEnd < fp.termStart) throw new BadUserInputError("changes.termEnd", "ends before the term starts");
      }),
    );
  }

  @Mutation(() => FocalPoint, { description: "Replaces a focal point from a date (SECRETARIAT): ends the old term the day before and starts the new one, in one transaction. Returns the successor." })
  async replaceFocalPoint(
    @Ctx() ctx: RosterContext,
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int) version: number,
    @Arg("effectiveOn", { description: "First day of the successor (YYYY-MM-DD)." }) effectiveOn: string,
    @Arg("successor", () => FocalPointChanges) successor: FocalPointChanges,
  ): Promise<FocalPoint> {
    requireRole(ctx.identity, SECRETARIAT, "replaceFocalPoint");
    const from = checkDate(effectiveOn, "effectiveOn");
    return ctx.dataSource.transaction(async (m) => {
      let next: FocalPoint | undefined;
      await writeFocalPoint(m, ctx.identity, id, version, "REPLACED", (old) => {
        if (old.status === FocalPointStatus.ENDED) throw new BadUserInputError("id", "this focal point has already ended");
        if (from <= old.termStart) throw new BadUserInputError("effectiveOn", `must be after the current term's start (${old.termStart})`);
        next = this.nomination(
          ctx,
          {
            ...old,
            ...successor,
            country: old.countryCode,
            role: old.role,
            termStart: from,
            termEnd: successor.termEnd ?? null,
            representationId: old.representationId,
            sharedWith: old.sharedWith,
          } as NominationInput,
          "successor",
        );
        old.termEnd = dayBefore(from);
        if (from <= today()) old.status = FocalPointStatus.ENDED;
        return { successor: [null, next.id] };
      });
      if (!next) throw new BadUserInputError("successor", "could not build the successor");
      await m.save(FocalPoint, next);
      await m.save(RosterAudit, rosterEvent(m, ctx.identity, next.id, "NOMINATED", { personName: [null, next.personName], predecessor: [null, id], termStart: [null, next.termStart] }));
      await recordFocalPointChanges(m, [next]);
      return next;
    });
  }

  @Mutation(() => FocalPoint, { description: "Ends a focal point's term (SECRETARIAT)." })
  async endFocalPoint(@Ctx() ctx: RosterContext, @Arg("id", () => ID) id: string, @Arg("version", () => Int) version: number, @Arg("endedOn") endedOn: string): Promise<FocalPoint> {
    requireRole(ctx.identity, SECRETARIAT, "endFocalPoint");
    const on = checkDate(endedOn, "endedOn");
    return ctx.dataSource.transaction((m) =>
      writeFocalPoint(m, ctx.identity, id, version, "ENDED", (fp) => {
        if (on < fp.termStart) throw new BadUserInputError("endedOn", `is before the term's start (${fp.termStart})`);
        Object.assign(fp, { termEnd: on, status: on <= today() ? FocalPointStatus.ENDED : fp.status });
      }),
    );
  }

  @Mutation(() => FocalPoint, { description: "Sets the partner conferences a focal point is shared with (SECRETARIAT)." })
  async setFocalPointSharing(
    @Ctx() ctx: RosterContext,
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int) version: number,
    @Arg("conferences", () => [String]) conferences: string[],
  ): Promise<FocalPoint> {
    requireRole(ctx.identity, SECRETARIAT, "setFocalPointSharing");
    const bad = conferences.findIndex((c) => c !== "CSM");
    if (bad >= 0) throw new BadUserInputError(`conferences[${bad}]`, `"${conferences[bad]}" is not a partner conference (CSM)`);
    return ctx.dataSource.transaction((m) => writeFocalPoint(m, ctx.identity, id, version, "SHARING_CHANGED", (fp) => void (fp.sharedWith = [...new Set(conferences)].sort())));
  }

  private nomination(ctx: RosterContext, input: NominationInput, path: string): FocalPoint {
    const checked = checkFocalPointChanges(input, path);
    if (!checked.personName) throw new BadUserInputError(`${path}.personName`, "must not be empty");
    if (!checked.institution) throw new BadUserInputError(`${path}.institution`, "must not be empty");
    const termStart = checkDate(input.termStart, `${path}.termStart`);
    if (typeof checked.termEnd === "string" && checked.termEnd < termStart) throw new BadUserInputError(`${path}.termEnd`, "ends before the term starts");
    if (input.role === FocalPointRole.CONSULAR_LIAISON && !input.representationId) throw new BadUserInputError(`${path}.representationId`, "a consular liaison belongs to an office: give its id");
    const shared = input.sharedWith ?? [];
    const bad = shared.findIndex((c) => c !== "CSM");
    if (bad >= 0) throw new BadUserInputError(`${path}.sharedWith[${bad}]`, `"${shared[bad]}" is not a partner conference (CSM)`);
    return ctx.dataSource.manager.create(FocalPoint, {
      id: randomUUID(),
      countryCode: checkCountry(input.country, `${path}.country`),
      role: input.role,
      position: null,
      emails: [],
      phones: [],
      languages: [],
      termEnd: null,
      ...checked,
      personName: checked.personName as string,
      institution: checked.institution as string,
      termStart,
      status: FocalPointStatus.ACTIVE,
      sharedWith: [...new Set(shared)],
      representationId: input.role === FocalPointRole.CONSULAR_LIAISON ? (input.representationId ?? null) : null,
      version: 1,
    });
  }
}
