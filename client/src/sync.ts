import type { BatchMode } from "../../operations/generated/graphql";
import { readContactsFile } from "./contacts-file";
import { writeOutputs } from "./files";
import { GatewayClient } from "./gateway-client";
import { LocalStore } from "./local-store";
import { FOCAL_POINTS, PARTNER_CONTACTS, pullFeed, type PullProgress, type PullResult } from "./pull";
import { pushFile, type BatchReport } from "./push";

export type { BatchReport } from "./push";

export interface SyncOptions {
  gateway: string;
  key: string;
  out: string;
  /** A CSV or vCard file of the partner's own contacts to push as one batch. */
  push?: string;
  mode?: BatchMode;
  /** Default: a new id per push, reused only to resume a push whose answer never came. */
  batchId?: string;
  /** Push: report what the batch would do, write nothing, and pull nothing. */
  dryRun?: boolean;
  /** Push, FULL: the number of removals accepted. */
  allowRemovals?: number;
  pageSize?: number;
  progress?: PullProgress;
  log?: (line: string) => void;
  fetch?: typeof fetch;
}

export interface SyncResult {
  push?: BatchReport;
  pulls: PullResult[];
  files: string[];
}

/**
 * One run of the sync: push the partner's file as a batch (if given), then pull both
 * feeds to their end, then write the address book files. Safe to interrupt and re-run.
 * The file and the output folder are checked before anything is sent.
 */
export async function runSync(options: SyncOptions): Promise<SyncResult> {
  const log = options.log ?? (() => undefined);
  const contacts = options.push ? readContactsFile(options.push) : null;
  const client = new GatewayClient({ gateway: options.gateway, key: options.key, fetch: options.fetch });
  const store = new LocalStore(options.out);
  try {
    const result: SyncResult = { pulls: [], files: [] };
    if (options.push && contacts) {
      result.push = await pushFile(client, store, {
        file: options.push,
        contacts,
        mode: options.mode ?? "INCREMENTAL",
        batchId: options.batchId,
        dryRun: options.dryRun,
        allowRemovals: options.allowRemovals,
        out: options.out,
        log,
      });
      if (options.dryRun) return result;
    }
    for (const feed of [FOCAL_POINTS, PARTNER_CONTACTS] as const) {
      const pulled = await pullFeed(client, store, feed as typeof FOCAL_POINTS, { pageSize: options.pageSize ?? 500, progress: options.progress, log });
      log(`${feed.label}: ${pulled.upserts} new or changed, ${pulled.removals} removed, in ${pulled.pages} page(s); ${pulled.records} held${pulled.resynced ? " (resynced from scratch)" : ""}`);
      result.pulls.push(pulled);
    }
    result.files = writeOutputs(store, options.out);
    log(`wrote ${result.files.join(", ")}`);
    return result;
  } finally {
    store.close();
  }
}
