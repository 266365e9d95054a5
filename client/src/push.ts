import { createHash, randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PermanentError } from "../../platform/src/cli/command-error";
import { SyncPartnerContactsDocument, type BatchMode, type PartnerContactInput, type SyncPartnerContactsMutation } from "../../operations/generated/graphql";
import { GatewayError, type GatewayClient } from "./gateway-client";
import type { LocalStore } from "./local-store";

export type BatchReport = SyncPartnerContactsMutation["syncPartnerContacts"];

export interface PushOptions {
  file: string;
  contacts: PartnerContactInput[];
  mode: BatchMode;
  /** An explicit batch id (the caller manages retries); default: a new one per push, reused only to resume it. */
  batchId?: string;
  dryRun?: boolean;
  /** FULL: the number of removals accepted (the server refuses more than its share without it). */
  allowRemovals?: number;
  out: string;
  log: (line: string) => void;
}

/** The same contacts and mode give the same hash, however the file was encoded. */
const contentHash = (mode: string, contacts: PartnerContactInput[]) => createHash("sha256").update(JSON.stringify({ mode, contacts })).digest("hex");

/** A batch id of its own for each run: "sync-20270115T023000-1a2b3c4d". */
const freshBatchId = (prefix: string) => `${prefix}-${new Date().toISOString().replace(/[-:]|\.\d+Z$/g, "")}-${randomBytes(4).toString("hex")}`;

/**
 * Sends the file as one batch. Idempotency protects the retry of one push, not a later
 * push of the same content: each push gets a new batch id, kept in the local store until
 * the server answers. A run that died without the answer (network, kill) is resumed by
 * the next run of the same content under the same id, so the server applies it once; a
 * later night's identical file is a new batch and is applied (it restores what an
 * earlier night removed). A dry run gets its own id and is never kept.
 */
export async function pushFile(client: GatewayClient, store: LocalStore, options: PushOptions): Promise<BatchReport> {
  const { mode, contacts, log } = options;
  const hash = contentHash(mode, contacts);
  let batchId = options.batchId;
  if (options.dryRun) batchId ??= freshBatchId("dry-run");
  else if (!batchId) {
    const pending = store.pendingPush();
    if (pending?.contentHash === hash) {
      batchId = pending.batchId;
      log(`push: resuming batch ${batchId}, sent on ${pending.startedAt} by a run that never got the answer`);
    } else {
      batchId = freshBatchId("sync");
    }
    store.startPush(batchId, hash);
  }
  log(`push: ${contacts.length} contacts from ${options.file} as ${mode} batch ${batchId}${options.dryRun ? " (dry run: nothing is written)" : ""}`);
  let report: BatchReport;
  try {
    ({ syncPartnerContacts: report } = await client.request(SyncPartnerContactsDocument, { batchId, mode, contacts, dryRun: options.dryRun === true, allowRemovals: options.allowRemovals ?? null }));
  } catch (error) {
    if (!(error instanceof GatewayError) || error.transient) throw error; // the answer never came: the id is kept to resume
    if (!options.dryRun) store.endPush();
    throw refusal(error);
  }
  if (!options.dryRun) store.endPush();
  writeFileSync(join(options.out, `push-report-${batchId}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const c = report.counts;
  const what = report.dryRun ? "dry run, nothing written; it would be" : report.replayed ? `already applied on ${report.appliedAt} (replayed, nothing changed)` : "applied";
  log(`push: ${what}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.removed} removed, ${c.rejected} rejected`);
  for (const row of report.rows.filter((r) => r.outcome === "REJECTED").slice(0, 20)) log(`  rejected ${row.field}: ${row.reason}`);
  if (c.rejected > 20) log(`  … and ${c.rejected - 20} more in push-report-${batchId}.json`);
  return report;
}

/** The server's refusal in the words of the command line (--allow-removals, not allowRemovals). */
function refusal(error: GatewayError): Error {
  const e = error.errors[0]?.extensions ?? {};
  if (e.field !== "allowRemovals" || typeof e.removals !== "number") return error;
  const share = `${e.removals} of the ${e.current} current contacts (${Math.round(((e.removals as number) / Math.max(e.current as number, 1)) * 100)}%)`;
  return new PermanentError(
    `push refused, nothing was changed: this FULL push would remove ${share}, more than the ${e.allowed} allowed without --allow-removals. Check that the file is complete; to accept these removals, add --allow-removals ${e.removals}`,
  );
}
