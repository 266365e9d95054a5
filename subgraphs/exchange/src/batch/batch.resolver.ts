import { Arg, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { actorOf, requireRole } from "../../../kit/src/access";
import { BadUserInputError } from "../../../../platform/src/errors";
import { Role } from "../../../../platform/src/identity";
import { OFFSET_DESCRIPTION, pageSize } from "../../../kit/src/pagination";
import { conferenceFilter } from "../access";
import { PartnerBatch } from "../entities/partner-batch.entity";
import type { ExchangeContext } from "../context";
import { applyBatch, batchLimitsFromEnv } from "./apply-batch";
import { BatchMode, BatchReport, PartnerContactInput } from "./batch.types";

@Resolver()
export class BatchResolver {
  @Mutation(() => BatchReport, {
    description:
      "A partner conference pushes its contacts (PARTNER). One transaction; idempotent by batchId (a replay returns the first report and changes nothing; the same batchId with other content is refused). FULL also removes the partner's contacts missing from the batch, but a FULL batch that would remove more than EXCHANGE_MAX_REMOVAL_PERCENT (default 20%) of them is refused unless allowRemovals accepts that many. dryRun answers the report without writing anything. Each row is reported: CREATED, UPDATED, UNCHANGED, REMOVED or REJECTED with the field and reason. At most EXCHANGE_MAX_BATCH (default 5000) rows.",
  })
  syncPartnerContacts(
    @Ctx() ctx: ExchangeContext,
    @Arg("batchId", { description: "Your id for this batch: send the same id when you retry." }) batchId: string,
    @Arg("mode", () => BatchMode) mode: BatchMode,
    @Arg("contacts", () => [PartnerContactInput]) contacts: PartnerContactInput[],
    @Arg("remove", () => [String], { nullable: true, description: "INCREMENTAL: externalIds of contacts to remove." }) remove?: string[] | null,
    @Arg("dryRun", { nullable: true, defaultValue: false, description: "Answer the report of what the batch would do, and write nothing (the batchId stays unused)." }) dryRun?: boolean,
    @Arg("allowRemovals", () => Int, {
      nullable: true,
      description:
        "FULL: the number of removals you accept. Without it, a FULL batch that would remove more than EXCHANGE_MAX_REMOVAL_PERCENT (default 20%) of your current contacts is refused, with the numbers.",
    })
    allowRemovals?: number | null,
  ): Promise<BatchReport> {
    requireRole(ctx.identity, [Role.PARTNER], "syncPartnerContacts");
    return applyBatch(
      ctx.dataSource,
      { conference: ctx.identity.conference ?? "?", actor: actorOf(ctx.identity), batchId, mode, contacts, remove: remove ?? [], dryRun: dryRun === true, allowRemovals },
      batchLimitsFromEnv(),
    );
  }
}

@ObjectType({ description: "A batch as the exchange recorded it: who pushed it, when, and its report (the exchange's audit trail)." })
export class PartnerBatchRecord {
  @Field() actor!: string;
  @Field(() => BatchReport) report!: BatchReport;
}

@Resolver()
export class BatchHistoryResolver {
  @Query(() => [PartnerBatchRecord], { description: "Batches pushed, newest first (SECRETARIAT: every partner's; PARTNER: its own)." })
  async partnerBatches(
    @Ctx() ctx: ExchangeContext,
    @Arg("first", () => Int, { nullable: true, description: "0 to 100; default 20." }) first?: number,
    @Arg("offset", () => Int, { nullable: true, description: OFFSET_DESCRIPTION }) offset?: number,
  ): Promise<PartnerBatchRecord[]> {
    requireRole(ctx.identity, [Role.SECRETARIAT, Role.PARTNER], "partnerBatches");
    if (offset !== undefined && offset !== null && (!Number.isInteger(offset) || offset < 0)) throw new BadUserInputError("offset", "must be a non-negative integer");
    const own = conferenceFilter(ctx.identity);
    const rows = await ctx.dataSource.manager.find(PartnerBatch, { where: own ? { conference: own } : {}, order: { appliedAt: "DESC", batchId: "ASC" }, skip: offset ?? 0, take: pageSize(first) });
    // Reports stored before dry runs existed have no dryRun: they were all applied.
    return rows.map((b) => ({ actor: b.actor, report: { ...(b.report as BatchReport), dryRun: (b.report as Partial<BatchReport>).dryRun ?? false } }));
  }
}
