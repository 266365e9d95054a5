import { randomUUID } from "node:crypto";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { actorOf, requireRole } from "../../../kit/src/access";
import { BadUserInputError, ForbiddenError, NotFoundError } from "../../../../platform/src/errors";
import { Role, type Identity } from "../../../../platform/src/identity";
import { FIRST_DESCRIPTION, pageSize } from "../../../kit/src/pagination";
import type { DirectoryContext } from "../context";
import { Country, CountryTableSubmission, Membership, SubmissionStatus } from "../entities";
import { applySubmission } from "./apply-table";
import { compareTable } from "./compare-table";
import { CountryTableDiff, CountryTableReport, CountryTableRowInput } from "./table.types";

/** The most rows a table may hold: more than any member state hosts (Mexico: 150). */
export const MAX_TABLE_ROWS = 2000;

/** An OFFICIAL of the host country or the SECRETARIAT; anyone else is refused. */
function requireTableAccess(identity: Identity, country: string, operation: string): void {
  requireRole(identity, [Role.OFFICIAL, Role.SECRETARIAT], operation);
  if (identity.role === Role.OFFICIAL && identity.country !== country) {
    throw new ForbiddenError(`${operation}: an OFFICIAL of ${identity.country} sends and reads the table of ${identity.country} only, not of ${country}`);
  }
}

async function memberState(ctx: DirectoryContext, code: string): Promise<Country> {
  const country = await ctx.dataSource.manager.findOneBy(Country, { code: code.trim().toUpperCase() });
  if (!country || country.crmMembership !== Membership.MEMBER) throw new BadUserInputError("country", `"${code}" is not a CRM member state (its table is kept by the country)`);
  return country;
}

/** Issue 21: each member state keeps its table of the offices it hosts; the secretariat reviews and applies it. */
@Resolver(() => CountryTableSubmission)
export class CountryTableResolver {
  @Mutation(() => CountryTableReport, {
    description:
      "Sends a host country's table (OFFICIAL of that country, or SECRETARIAT): every cell checked, the report says what it would create and change (old and new values) and which cells are refused (row, column, reason, fix). With dryRun, or while a cell is refused, nothing is recorded; otherwise the table waits for the secretariat's review. The directory changes only when the secretariat applies it.",
  })
  async submitCountryTable(
    @Ctx() ctx: DirectoryContext,
    @Arg("country") countryCode: string,
    @Arg("rows", () => [CountryTableRowInput]) rows: CountryTableRowInput[],
    @Arg("dryRun", () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Arg("fileName", () => String, { nullable: true }) fileName?: string | null,
  ): Promise<CountryTableReport> {
    const country = await memberState(ctx, countryCode);
    requireTableAccess(ctx.identity, country.code, "submitCountryTable");
    if (rows.length > MAX_TABLE_ROWS) throw new BadUserInputError("rows", `at most ${MAX_TABLE_ROWS} rows; ${country.code} hosts far fewer offices`);
    if (fileName && fileName.length > 200) throw new BadUserInputError("fileName", "at most 200 characters");
    const { diff, versions } = await compareTable(ctx.dataSource.manager, country.code, rows);
    if (dryRun || diff.rejected.length) return { dryRun, recorded: false, submission: null, diff };
    const submission = ctx.dataSource.manager.create(CountryTableSubmission, {
      id: randomUUID(),
      country: country.code,
      status: SubmissionStatus.PENDING,
      submittedAs: ctx.identity.role === Role.OFFICIAL ? `OFFICIAL ${country.code}` : "SECRETARIAT",
      submittedBy: actorOf(ctx.identity),
      submittedAt: new Date().toISOString(),
      fileName: fileName?.trim() || null,
      rows: rows.map((r) => ({ ...r })),
      officeVersions: versions,
      diff: diff as unknown as Record<string, unknown>,
      createdCount: diff.created.length,
      changedCount: diff.changed.length,
      decidedAt: null,
      decisionReason: null,
    });
    await ctx.dataSource.manager.save(CountryTableSubmission, submission);
    return { dryRun: false, recorded: true, submission, diff };
  }

  @Query(() => [CountryTableSubmission], { description: "Countries' tables, newest first (SECRETARIAT: all; OFFICIAL: their own country's)." })
  async countryTableSubmissions(
    @Ctx() ctx: DirectoryContext,
    @Arg("status", () => SubmissionStatus, { nullable: true }) status?: SubmissionStatus | null,
    @Arg("country", () => String, { nullable: true }) country?: string | null,
    @Arg("first", () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number,
  ): Promise<CountryTableSubmission[]> {
    requireRole(ctx.identity, [Role.OFFICIAL, Role.SECRETARIAT], "countryTableSubmissions");
    const own = ctx.identity.role === Role.OFFICIAL ? ctx.identity.country : country?.trim().toUpperCase() || undefined;
    if (ctx.identity.role === Role.OFFICIAL && country && country.toUpperCase() !== own) requireTableAccess(ctx.identity, country.toUpperCase(), "countryTableSubmissions");
    return ctx.dataSource.manager.find(CountryTableSubmission, {
      where: { ...(status ? { status } : {}), ...(own ? { country: own } : {}) },
      order: { submittedAt: "DESC", id: "DESC" },
      take: pageSize(first),
    });
  }

  @Query(() => CountryTableSubmission, { nullable: true, description: "One country's table as sent, with its report (SECRETARIAT, or an OFFICIAL of that country)." })
  async countryTableSubmission(@Ctx() ctx: DirectoryContext, @Arg("id", () => ID) id: string): Promise<CountryTableSubmission | null> {
    requireRole(ctx.identity, [Role.OFFICIAL, Role.SECRETARIAT], "countryTableSubmission");
    const found = await ctx.dataSource.manager.findOneBy(CountryTableSubmission, { id });
    if (found) requireTableAccess(ctx.identity, found.country, "countryTableSubmission");
    return found;
  }

  @FieldResolver(() => CountryTableDiff, { description: "What the table would change when it was sent." })
  diff(@Root() submission: CountryTableSubmission): CountryTableDiff {
    return submission.diff as unknown as CountryTableDiff;
  }

  @Mutation(() => CountryTableSubmission, {
    description:
      "Applies a country's table (SECRETARIAT), all or nothing: offices created and changed, each changed value sourced by the table and verified on the day the country sent it. Refused (SUBMISSION_STALE) when an office changed since.",
  })
  async applyCountryTableSubmission(@Ctx() ctx: DirectoryContext, @Arg("id", () => ID) id: string): Promise<CountryTableSubmission> {
    requireRole(ctx.identity, [Role.SECRETARIAT], "applyCountryTableSubmission");
    return ctx.dataSource.transaction(async (m) => {
      const submission = await this.pending(m, id);
      const country = await m.findOneByOrFail(Country, { code: submission.country });
      await applySubmission(m, ctx.identity, submission, country.nameEn);
      Object.assign(submission, { status: SubmissionStatus.APPLIED, decidedAt: new Date().toISOString() });
      return m.save(CountryTableSubmission, submission);
    });
  }

  @Mutation(() => CountryTableSubmission, { description: "Rejects a country's table (SECRETARIAT), saying why; the directory is not changed." })
  async rejectCountryTableSubmission(@Ctx() ctx: DirectoryContext, @Arg("id", () => ID) id: string, @Arg("reason") reason: string): Promise<CountryTableSubmission> {
    requireRole(ctx.identity, [Role.SECRETARIAT], "rejectCountryTableSubmission");
    const why = reason.trim();
    if (!why) throw new BadUserInputError("reason", "say why, for the country");
    if (why.length > 2000) throw new BadUserInputError("reason", "at most 2000 characters");
    return ctx.dataSource.transaction(async (m) => {
      const submission = await this.pending(m, id);
      Object.assign(submission, { status: SubmissionStatus.REJECTED, decidedAt: new Date().toISOString(), decisionReason: why });
      return m.save(CountryTableSubmission, submission);
    });
  }

  private async pending(m: import("typeorm").EntityManager, id: string): Promise<CountryTableSubmission> {
    const submission = await m.findOneBy(CountryTableSubmission, { id });
    if (!submission) throw new NotFoundError("CountryTableSubmission", id);
    if (submission.status !== SubmissionStatus.PENDING) throw new BadUserInputError("id", `the table was already ${submission.status.toLowerCase()} on ${submission.decidedAt?.slice(0, 10)}`);
    return submission;
  }
}
