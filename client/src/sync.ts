import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SyncPartnerContactsDocument, type BatchMode, type SyncPartnerContactsMutation } from "../../operations/generated/graphql";
import { readContactsFile } from "./contacts-file";
import { writeOutputs } from "./files";
import { GatewayClient } from "./gateway-client";
import { LocalStore } from "./local-store";
import { FOCAL_POINTS, PARTNER_CONTACTS, pullFeed, type PullProgress, type PullResult } from "./pull";

export interface SyncOptions {
  gateway: string;
  key: string;
  out: string;
  /** A CSV or vCard file of the partner's own contacts to push as one batch. */
  push?: string;
  mode?: BatchMode;
  /** Default: derived from the file's content and the mode, so a re-run replays the same batch. */
  batchId?: string;
  pageSize?: number;
  progress?: PullProgress;
  log?: (line: string) => void;
  fetch?: typeof fetch;
}

export type BatchReport = SyncPartnerContactsMutation["syncPartnerContacts"];

export interface SyncResult {
  push?: BatchReport;
  pulls: PullResult[];
  files: string[];
}

/** The batch id of a file: the same file and mode give the same id, so a retry is a replay. */
export const batchIdOf = (path: string, mode: string) => `file-${createHash("sha256").update(mode).update("\0").update(readFileSync(path)).digest("hex").slice(0, 40)}`;

/**
 * One run of the sync: push the partner's file as a batch (if given), then pull both
 * feeds to their end, then write the address book files. Safe to interrupt and re-run.
 */
export async function runSync(options: SyncOptions): Promise<SyncResult> {
  const log = options.log ?? (() => undefined);
  const client = new GatewayClient({ gateway: options.gateway, key: options.key, fetch: options.fetch });
  const store = new LocalStore(options.out);
  try {
    const result: SyncResult = { pulls: [], files: [] };
    if (options.push) {
      const mode = options.mode ?? "INCREMENTAL";
      const batchId = options.batchId ?? batchIdOf(options.push, mode);
      const contacts = readContactsFile(options.push);
      log(`push: ${contacts.length} contacts from ${options.push} as ${mode} batch ${batchId}`);
      const { syncPartnerContacts: report } = await client.request(SyncPartnerContactsDocument, { batchId, mode, contacts });
      writeFileSync(join(options.out, `push-report-${batchId}.json`), `${JSON.stringify(report, null, 2)}\n`);
      const c = report.counts;
      log(`push: ${report.replayed ? "already applied on " + report.appliedAt + " (replayed, nothing changed)" : "applied"}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.removed} removed, ${c.rejected} rejected`);
      for (const row of report.rows.filter((r) => r.outcome === "REJECTED").slice(0, 20)) log(`  rejected ${row.field}: ${row.reason}`);
      result.push = report;
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
