import { registerEnumType } from "type-graphql";
import type { DataSource, EntityManager } from "typeorm";
import { Role, type Identity } from "../../../../platform/src/identity";
import { BadUserInputError } from "../../../../platform/src/errors";
import { currentSeq, feedSecret, feedSecrets } from "./sync-state";
import { issueToken, readToken, tokenMaxAgeDays } from "./token";

export enum SyncOperation {
  UPSERT = "UPSERT",
  REMOVE = "REMOVE",
}
registerEnumType(SyncOperation, {
  name: "SyncOperation",
  description: "A change in a feed: the record as it is now, or a tombstone (deleted, ended, or no longer shared with you).",
  valuesConfig: { UPSERT: { description: "Create or replace your copy." }, REMOVE: { description: "Delete your copy." } },
});

const DEFAULT_FEED_PAGE = 100;
const MAX_FEED_PAGE = 1000;

function feedPageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_FEED_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FEED_PAGE) throw new BadUserInputError("first", `must be an integer from 1 to ${MAX_FEED_PAGE}, got ${first}`);
  return first;
}

export interface FeedRequest {
  feed: string;
  audience: string;
  /** "" or null: from the beginning. */
  since: string | null | undefined;
}

export interface FeedStart {
  seq: number;
  /**
   * The first page of an initial sync leaves tombstones out: the client has nothing to
   * remove yet (RFC 6578 3.8). Only the first page: anything delivered on it and removed
   * while the client pages on must reach it as a tombstone.
   */
  initial: boolean;
  /**
   * The feed's last committed number, read before the page: every change up to it is
   * visible to the page's query (numbers are handed out in commit order).
   */
  horizon: number;
}

/** Where a page starts: the beginning for an empty token, else the token's position (checked). */
async function feedStart(m: EntityManager, request: FeedRequest): Promise<FeedStart> {
  const horizon = await currentSeq(m);
  if (!request.since) return { seq: 0, initial: true, horizon };
  const { secret, restored } = await feedSecrets(m);
  const position = readToken(request.since, { feed: request.feed, audience: request.audience, secret, restored, currentSeq: horizon, maxAgeDays: tokenMaxAgeDays() });
  return { seq: position.seq, initial: false, horizon };
}

/**
 * Closes a page: `rows` were read as `first + 1` rows ordered by seq after `start`. The
 * token points at the last row delivered, so whatever commits later has a higher number
 * and comes in a later page: nothing is skipped and nothing is delivered twice. On the
 * last page it points at the horizon instead: nothing for this caller lies between, and
 * tombstones an initial sync left out are not sent in the next delta.
 */
async function closePage<T extends { seq: number }>(m: EntityManager, request: FeedRequest, start: FeedStart, rows: T[], first: number) {
  const hasMore = rows.length > first;
  const page = rows.slice(0, first);
  const delivered = page.length ? Number(page[page.length - 1].seq) : start.seq;
  const last = hasMore ? delivered : Math.max(delivered, start.horizon);
  return { page, hasMore, nextToken: issueToken({ feed: request.feed, audience: request.audience, seq: last }, await feedSecret(m)), lastSeq: last };
}

/** Whom a caller's tokens are issued to: a partner's conference, else its role. */
export const tokenAudience = (identity: Identity): string => (identity.role === Role.PARTNER ? `partner:${identity.conference ?? "?"}` : identity.role.toLowerCase());

/**
 * Reads one page of a feed: checks `first` and the token, then asks `rowsAfter` for up to
 * `limit` rows after the start, ordered by seq, in one statement. No transaction: outside
 * one, every read sees only committed rows (on SQLite through the read connection, see
 * sqlite-reader.ts), and the horizon is read before the rows, so the page's query sees
 * every change up to it.
 */
export async function readFeedPage<T extends { seq: number }>(
  dataSource: DataSource,
  request: FeedRequest,
  first: number | null | undefined,
  rowsAfter: (m: EntityManager, start: FeedStart, limit: number) => Promise<T[]>,
) {
  const size = feedPageSize(first);
  const m = dataSource.manager;
  const start = await feedStart(m, request);
  return closePage(m, request, start, await rowsAfter(m, start, size + 1), size);
}
