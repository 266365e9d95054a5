import { BadUserInputError } from "../../../../platform/src/errors";
import { BatchMode } from "./batch.types";

const DEFAULT_MAX_REMOVAL_PERCENT = 20;

/** EXCHANGE_MAX_REMOVAL_PERCENT: the share of a partner's contacts a FULL batch may remove unasked (default 20). */
export function maxRemovalPercentFromEnv(env = process.env): number {
  const n = Number(env.EXCHANGE_MAX_REMOVAL_PERCENT ?? DEFAULT_MAX_REMOVAL_PERCENT);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : DEFAULT_MAX_REMOVAL_PERCENT;
}

/** allowRemovals is a count, and only FULL removes by omission. */
export function checkAllowRemovals(mode: BatchMode, allowRemovals: number | null | undefined): void {
  if (allowRemovals === null || allowRemovals === undefined) return;
  if (!Number.isInteger(allowRemovals) || allowRemovals < 0) throw new BadUserInputError("allowRemovals", `must be a whole number of removals, 0 or more; got ${allowRemovals}`);
  if (mode !== BatchMode.FULL) throw new BadUserInputError("allowRemovals", "applies to FULL batches only (INCREMENTAL removes only what `remove` names)");
}

/**
 * The safety net of a FULL batch: a file cut short would otherwise remove most of the
 * partner's contacts (a 3-row file removed all 36). Without allowRemovals, a FULL batch
 * may remove at most maxPercent of the partner's current contacts; with it, at most that
 * many. Beyond, the batch is refused as a whole with the numbers, and nothing changes.
 */
export function checkRemovals(request: { conference: string; mode: BatchMode; allowRemovals?: number | null }, removals: number, current: number, maxPercent: number): void {
  if (request.mode !== BatchMode.FULL || removals === 0) return;
  const share = `${removals} of the ${current} current contacts of ${request.conference} (${Math.round((removals / Math.max(current, 1)) * 100)}%)`;
  const numbers = { removals, current };
  if (request.allowRemovals !== null && request.allowRemovals !== undefined) {
    if (removals > request.allowRemovals)
      throw new BadUserInputError(
        "allowRemovals",
        `this FULL batch would remove ${share}, more than the ${request.allowRemovals} you allowed; nothing was changed. Check that the file is complete, or allow ${removals}`,
        { ...numbers, allowed: request.allowRemovals },
      );
    return;
  }
  const allowed = Math.floor((current * maxPercent) / 100);
  if (removals > allowed) {
    throw new BadUserInputError(
      "allowRemovals",
      `this FULL batch would remove ${share}, more than the ${maxPercent}% (${allowed}) a FULL batch may remove unasked; nothing was changed. Check that the file is complete, or send allowRemovals: ${removals} to accept these removals`,
      { ...numbers, allowed },
    );
  }
}
