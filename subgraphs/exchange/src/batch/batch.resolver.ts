import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { actorOf, requireRole } from "../../../shared/src/access";
import { Role } from "../../../shared/src/identity";
import type { ExchangeContext } from "../context";
import { applyBatch, maxBatchFromEnv } from "./apply-batch";
import { BatchMode, BatchReport, PartnerContactInput } from "./batch.types";

@Resolver()
export class BatchResolver {
  @Mutation(() => BatchReport, {
    description:
      "A partner conference pushes its contacts (PARTNER). One transaction; idempotent by batchId (a replay returns the first report and changes nothing; the same batchId with other content is refused). FULL also removes the partner's contacts missing from the batch. Each row is reported: CREATED, UPDATED, UNCHANGED, REMOVED or REJECTED with the field and reason. At most EXCHANGE_MAX_BATCH (default 5000) rows.",
  })
  syncPartnerContacts(
    @Ctx() ctx: ExchangeContext,
    @Arg("batchId", { description: "Your id for this batch: send the same id when you retry." }) batchId: string,
    @Arg("mode", () => BatchMode) mode: BatchMode,
    @Arg("contacts", () => [PartnerContactInput]) contacts: PartnerContactInput[],
    @Arg("remove", () => [String], { nullable: true, description: "INCREMENTAL: externalIds of contacts to remove." }) remove?: string[] | null,
  ): Promise<BatchReport> {
    requireRole(ctx.identity, [Role.PARTNER], "syncPartnerContacts");
    return applyBatch(ctx.dataSource, { conference: ctx.identity.conference ?? "?", actor: actorOf(ctx.identity), batchId, mode, contacts, remove: remove ?? [] }, maxBatchFromEnv());
  }
}
