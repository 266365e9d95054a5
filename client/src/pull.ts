import type { FocalPointData, PartnerContactData } from "../../platform/src/contact-card/cards";
import { FocalPointChangesDocument, PartnerContactChangesDocument } from "../../operations/generated/graphql";
import { GatewayError, type GatewayClient } from "./gateway-client";
import type { LocalStore } from "./local-store";

export interface FeedPageResult<T> {
  nextToken: string;
  hasMore: boolean;
  remaining?: number | null;
  upserts: { id: string; data: T }[];
  removals: string[];
}

/** One of the two feeds the client follows. */
export interface Feed<T> {
  name: string;
  label: string;
  page(client: GatewayClient, since: string, first: number, withRemaining: boolean): Promise<FeedPageResult<T>>;
}

type RawPage<R> = { nextToken: string; hasMore: boolean; remaining?: number | null; entries: { operation: string; id: string; record: (R & { country: { code: string } }) | null }[] };

/** A feed page as the store takes it: records with the country as its code, and the ids removed. */
function toPage<R, T>(p: RawPage<R>): FeedPageResult<T> {
  return {
    nextToken: p.nextToken,
    hasMore: p.hasMore,
    remaining: p.remaining,
    upserts: p.entries.flatMap((e) => (e.operation === "UPSERT" && e.record ? [{ id: e.id, data: { ...e.record, country: e.record.country.code } as T }] : [])),
    removals: p.entries.filter((e) => e.operation === "REMOVE").map((e) => e.id),
  };
}

export const FOCAL_POINTS: Feed<FocalPointData> = {
  name: "focal-points",
  label: "CRM focal points",
  async page(client, since, first, withRemaining) {
    const { focalPointChanges: p } = await client.request(FocalPointChangesDocument, { since, first, withRemaining });
    return toPage({ ...p, entries: p.entries.map((e) => ({ ...e, record: e.focalPoint ?? null })) });
  },
};

export const PARTNER_CONTACTS: Feed<PartnerContactData> = {
  name: "partner-contacts",
  label: "partner contacts",
  async page(client, since, first, withRemaining) {
    const { partnerContactChanges: p } = await client.request(PartnerContactChangesDocument, { since, first, withRemaining });
    return toPage({ ...p, entries: p.entries.map((e) => ({ ...e, record: e.contact ?? null })) });
  },
};

export interface PullProgress {
  start(feed: string, total: number): void;
  advance(changes: number): void;
  stop(): void;
}

export interface PullResult {
  feed: string;
  pages: number;
  upserts: number;
  removals: number;
  /** The stored token was refused: the feed was pulled again from the beginning. */
  resynced: boolean;
  records: number;
}

/**
 * Pulls a feed from the stored token to its end. Each page is applied to the local store
 * together with its token, so an interruption (network, Ctrl-C, kill) loses at most the
 * page in flight, which the next run asks for again: nothing lost, nothing twice.
 */
export async function pullFeed<T>(client: GatewayClient, store: LocalStore, feed: Feed<T>, options: { pageSize: number; progress?: PullProgress; log?: (line: string) => void }): Promise<PullResult> {
  const result: PullResult = { feed: feed.name, pages: 0, upserts: 0, removals: 0, resynced: false, records: 0 };
  let token = store.token(feed.name);
  for (;;) {
    let page: FeedPageResult<T>;
    try {
      page = await feed.page(client, token, options.pageSize, result.pages === 0);
    } catch (error) {
      if (error instanceof GatewayError && error.code === "SYNC_TOKEN_INVALID" && token !== "") {
        options.log?.(`${feed.label}: the stored token was refused (${error.message.split(". Resync")[0]}); resyncing from scratch`);
        store.reset(feed.name);
        token = "";
        result.resynced = true;
        continue;
      }
      throw error;
    }
    if (result.pages === 0) options.progress?.start(feed.label, page.upserts.length + page.removals.length + (page.remaining ?? 0));
    store.applyPage(feed.name, page.nextToken, page.upserts, page.removals);
    result.pages++;
    result.upserts += page.upserts.length;
    result.removals += page.removals.length;
    options.progress?.advance(page.upserts.length + page.removals.length);
    token = page.nextToken;
    if (!page.hasMore) break;
  }
  options.progress?.stop();
  result.records = store.count(feed.name);
  return result;
}
