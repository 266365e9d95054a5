import { createHash } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { BadUserInputError } from "../../../../platform/src/errors";
import { faultPoint } from "../../../../platform/src/fault-points";
import { log } from "../../../../platform/src/log";
import { lockFeed, nextSeqs } from "../../../kit/src/sync/sync-state";
import { PartnerBatch } from "../entities/partner-batch.entity";
import { PartnerContact } from "../entities/partner-contact.entity";
import { BatchMode, RowOutcome, type BatchReport } from "./batch.types";
import { planBatch, type BatchPlan } from "./plan-batch";
import { checkAllowRemovals, checkRemovals, maxRemovalPercentFromEnv } from "./removal-limit";

const DEFAULT_MAX_BATCH = 5000;

export function maxBatchFromEnv(env = process.env): number {
  const n = Number(env.EXCHANGE_MAX_BATCH ?? DEFAULT_MAX_BATCH);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_BATCH;
}

export interface BatchLimits {
  /** Contacts plus removals in one batch (EXCHANGE_MAX_BATCH). */
  maxContacts: number;
  /** The share of the partner's contacts a FULL batch may remove without allowRemovals (EXCHANGE_MAX_REMOVAL_PERCENT). */
  maxRemovalPercent: number;
}

export const batchLimitsFromEnv = (env = process.env): BatchLimits => ({ maxContacts: maxBatchFromEnv(env), maxRemovalPercent: maxRemovalPercentFromEnv(env) });

export type { BatchRequest } from "./batch-request";
import type { BatchRequest } from "./batch-request";

const BATCH_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$/;
const PROGRESS_EVERY = 500;

/** Refuses a batch as a whole (nothing is read or written): bad id, too large, remove with FULL. */
function checkRequest(request: BatchRequest, maxContacts: number): void {
  if (!BATCH_ID.test(request.batchId)) throw new BadUserInputError("batchId", "must be 1 to 120 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
  const size = request.contacts.length + (request.remove?.length ?? 0);
  if (size > maxContacts) throw new BadUserInputError("contacts", `a batch holds at most ${maxContacts} contacts and removals; this one has ${size}. Split it into INCREMENTAL batches`);
  if (request.mode === BatchMode.FULL && request.remove?.length) throw new BadUserInputError("remove", "FULL removes every contact missing from the batch; leave remove out");
  checkAllowRemovals(request.mode, request.allowRemovals);
}

const contentHash = (r: BatchRequest) =>
  createHash("sha256")
    .update(JSON.stringify({ mode: r.mode, contacts: r.contacts, remove: r.remove ?? [] }))
    .digest("hex");

/**
 * Applies a partner's batch in one transaction: all of it or, if anything fails (a
 * crash, a lost connection), none of it. Idempotent by (conference, batchId): a replay
 * returns the stored report and writes nothing. Bad rows are REJECTED in the report and
 * change nothing. A FULL batch that would remove too many contacts is refused (see
 * checkRemovals). A dry run answers what the batch would do and writes nothing.
 */
export async function applyBatch(dataSource: DataSource, request: BatchRequest, limits: Partial<BatchLimits> = {}): Promise<BatchReport> {
  const { maxContacts, maxRemovalPercent } = { ...batchLimitsFromEnv({}), ...limits };
  checkRequest(request, maxContacts);
  const hash = contentHash(request);
  const dryRun = request.dryRun === true;
  return dataSource.transaction(async (m) => {
    // Writers to the exchange queue here: batches of one partner never interleave, and
    // the feed's numbers follow commit order. A dry run writes nothing and need not queue.
    if (!dryRun) await lockFeed(m);
    const previous = await m.findOneBy(PartnerBatch, { conference: request.conference, batchId: request.batchId });
    if (previous) {
      if (previous.contentHash !== hash) throw new BadUserInputError("batchId", `was already used on ${previous.appliedAt} for a batch with other content; give this batch a new batchId`);
      return { ...(previous.report as BatchReport), replayed: true, dryRun };
    }
    const now = new Date().toISOString();
    const plan = await planBatch(m, request, now);
    checkRemovals(request, plan.removals.length, plan.current, maxRemovalPercent);
    const report = reportOf(request, plan, now, dryRun);
    if (dryRun) return report;
    await write(m, request, plan);
    await faultPoint("exchange.batch"); // the contacts are written, the batch's record is not
    await m.insert(PartnerBatch, { conference: request.conference, batchId: request.batchId, mode: request.mode, contentHash: hash, actor: request.actor, appliedAt: now, report });
    log("info", "exchange.batch.applied", { batchId: request.batchId, conference: request.conference, actor: request.actor, ...report.counts });
    return report;
  });
}

function reportOf(request: BatchRequest, plan: BatchPlan, now: string, dryRun: boolean): BatchReport {
  const count = (o: RowOutcome) => plan.rows.filter((r) => r.outcome === o).length;
  return {
    batchId: request.batchId,
    conference: request.conference,
    mode: request.mode,
    appliedAt: now,
    replayed: false,
    dryRun,
    counts: {
      created: count(RowOutcome.CREATED),
      updated: count(RowOutcome.UPDATED),
      unchanged: count(RowOutcome.UNCHANGED),
      removed: count(RowOutcome.REMOVED),
      rejected: count(RowOutcome.REJECTED),
    },
    rows: plan.rows,
  };
}

/** Writes the plan: numbers in the feed in row order, inserts in chunks, progress in the log. */
async function write(m: EntityManager, request: BatchRequest, plan: BatchPlan): Promise<void> {
  const writes = [...plan.creates, ...plan.updates, ...plan.removals];
  if (writes.length) {
    const first = await nextSeqs(m, writes.length);
    writes.forEach((c, i) => (c.changeSeq = first + i));
  }
  let done = 0;
  const progress = (n: number) => {
    const before = Math.floor(done / PROGRESS_EVERY);
    done += n;
    if (Math.floor(done / PROGRESS_EVERY) > before) log("info", "exchange.batch.progress", { batchId: request.batchId, conference: request.conference, written: done, total: writes.length });
  };
  for (let i = 0; i < plan.creates.length; i += 100) {
    const chunk = plan.creates.slice(i, i + 100);
    await m.insert(PartnerContact, chunk);
    progress(chunk.length);
  }
  for (const c of [...plan.updates, ...plan.removals]) {
    const { id, ...fields } = c;
    await m.update(PartnerContact, { id }, fields);
    progress(1);
  }
}
