import { createHash, randomUUID } from "node:crypto";
import { In, type DataSource, type EntityManager } from "typeorm";
import { BadUserInputError } from "../../../shared/src/errors";
import { fieldChanges } from "../../../shared/src/field-change";
import { faultPoint } from "../../../shared/src/fault-points";
import { log } from "../../../shared/src/log";
import { lockFeed, nextSeqs } from "../../../shared/src/sync/sync-state";
import { PartnerBatch } from "../entities/partner-batch.entity";
import { PartnerContact } from "../entities/partner-contact.entity";
import { BatchMode, RowOutcome, type BatchReport, type BatchRow, type PartnerContactInput } from "./batch.types";
import { validateContact, type ValidContact } from "./validate-contact";

const DEFAULT_MAX_BATCH = 5000;

export function maxBatchFromEnv(env = process.env): number {
  const n = Number(env.EXCHANGE_MAX_BATCH ?? DEFAULT_MAX_BATCH);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_BATCH;
}

export interface BatchRequest {
  conference: string;
  /** For the audit trail: the API key's id. */
  actor: string;
  batchId: string;
  mode: BatchMode;
  contacts: PartnerContactInput[];
  /** INCREMENTAL: externalIds to remove. */
  remove?: string[];
}

const BATCH_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$/;
const COMPARED = ["countryCode", "topics", "personName", "position", "institution", "emails", "phones", "languages"] as const;
const PROGRESS_EVERY = 500;

/** Refuses a batch as a whole (nothing is read or written): bad id, too large, remove with FULL. */
function checkRequest(request: BatchRequest, maxContacts: number): void {
  if (!BATCH_ID.test(request.batchId)) throw new BadUserInputError("batchId", "must be 1 to 120 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
  const size = request.contacts.length + (request.remove?.length ?? 0);
  if (size > maxContacts) throw new BadUserInputError("contacts", `a batch holds at most ${maxContacts} contacts and removals; this one has ${size}. Split it into INCREMENTAL batches`);
  if (request.mode === BatchMode.FULL && request.remove?.length) throw new BadUserInputError("remove", "FULL removes every contact missing from the batch; leave remove out");
}

const contentHash = (r: BatchRequest) => createHash("sha256").update(JSON.stringify({ mode: r.mode, contacts: r.contacts, remove: r.remove ?? [] })).digest("hex");

const row = (fields: Partial<BatchRow> & Pick<BatchRow, "outcome">): BatchRow => ({ index: null, externalId: null, contactId: null, changedFields: [], changes: [], field: null, reason: null, ...fields });

/**
 * Applies a partner's batch in one transaction: all of it or, if anything fails (a
 * crash, a lost connection), none of it. Idempotent by (conference, batchId): a replay
 * returns the stored report and writes nothing. Bad rows are REJECTED in the report and
 * change nothing; under FULL a rejected row's contact is kept, not removed.
 */
export async function applyBatch(dataSource: DataSource, request: BatchRequest, maxContacts = DEFAULT_MAX_BATCH): Promise<BatchReport> {
  checkRequest(request, maxContacts);
  const hash = contentHash(request);
  return dataSource.transaction(async (m) => {
    // Writers to the exchange queue here: batches of one partner never interleave, and
    // the feed's numbers follow commit order.
    await lockFeed(m);
    const previous = await m.findOneBy(PartnerBatch, { conference: request.conference, batchId: request.batchId });
    if (previous) {
      if (previous.contentHash !== hash) throw new BadUserInputError("batchId", `was already used on ${previous.appliedAt} for a batch with other content; give this batch a new batchId`);
      return { ...(previous.report as BatchReport), replayed: true };
    }
    return applyNew(m, request, hash);
  });
}

/**
 * The partner's contacts the batch can touch: all of them under FULL (the missing ones are
 * removed), only those it names under INCREMENTAL, so that a small batch does not read a
 * large list.
 */
async function loadExisting(m: EntityManager, request: BatchRequest): Promise<PartnerContact[]> {
  if (request.mode === BatchMode.FULL) return m.find(PartnerContact, { where: { conference: request.conference } });
  const named = [...new Set([...request.contacts.map((c) => (c.externalId ?? "").trim()), ...(request.remove ?? []).map((id) => id.trim())].filter(Boolean))];
  const found: PartnerContact[] = [];
  for (let i = 0; i < named.length; i += 1000) found.push(...(await m.find(PartnerContact, { where: { conference: request.conference, externalId: In(named.slice(i, i + 1000)) } })));
  return found;
}

async function applyNew(m: EntityManager, request: BatchRequest, hash: string): Promise<BatchReport> {
  const now = new Date().toISOString();
  const existing = new Map((await loadExisting(m, request)).map((c) => [c.externalId, c]));
  const rows: BatchRow[] = [];
  const inBatch = new Map<string, number>();
  const creates: PartnerContact[] = [];
  const updates: PartnerContact[] = [];

  request.contacts.forEach((input, index) => {
    const checked = validateContact(input, `contacts[${index}]`);
    const rawId = (input.externalId ?? "").trim() || null;
    if (!checked.ok) {
      if (rawId && !inBatch.has(rawId)) inBatch.set(rawId, index); // kept under FULL, not removed
      rows.push(row({ index, externalId: rawId, outcome: RowOutcome.REJECTED, field: checked.field, reason: checked.reason }));
      return;
    }
    const c = checked.contact;
    const earlier = inBatch.get(c.externalId);
    if (earlier !== undefined) {
      rows.push(row({ index, externalId: c.externalId, outcome: RowOutcome.REJECTED, field: `contacts[${index}].externalId`, reason: `duplicate of contacts[${earlier}] in this batch` }));
      return;
    }
    inBatch.set(c.externalId, index);
    const current = existing.get(c.externalId);
    if (!current) {
      const created = m.create(PartnerContact, { id: randomUUID(), conference: request.conference, ...c, version: 1, updatedAt: now, removedAt: null, lastBatch: request.batchId });
      creates.push(created);
      rows.push(row({ index, externalId: c.externalId, outcome: RowOutcome.CREATED, contactId: created.id }));
      return;
    }
    const changed = COMPARED.filter((f) => JSON.stringify(current[f]) !== JSON.stringify(c[f as keyof ValidContact]));
    if (!changed.length && current.removedAt === null) {
      rows.push(row({ index, externalId: c.externalId, outcome: RowOutcome.UNCHANGED, contactId: current.id }));
      return;
    }
    const restored = current.removedAt !== null;
    const changes = restored ? [] : fieldChanges(Object.fromEntries(changed.map((f) => [f, [current[f], c[f as keyof ValidContact]]])));
    Object.assign(current, c, { version: current.version + 1, updatedAt: now, removedAt: null, lastBatch: request.batchId });
    updates.push(current);
    rows.push(row({ index, externalId: c.externalId, outcome: restored ? RowOutcome.CREATED : RowOutcome.UPDATED, contactId: current.id, changedFields: restored ? [] : changed, changes }));
  });

  const removals: PartnerContact[] = [];
  const remove = (c: PartnerContact) => {
    Object.assign(c, { version: c.version + 1, updatedAt: now, removedAt: now, lastBatch: request.batchId });
    removals.push(c);
    rows.push(row({ externalId: c.externalId, outcome: RowOutcome.REMOVED, contactId: c.id }));
  };
  if (request.mode === BatchMode.FULL) {
    for (const c of existing.values()) if (c.removedAt === null && !inBatch.has(c.externalId)) remove(c);
  } else {
    (request.remove ?? []).forEach((raw, i) => {
      const externalId = raw.trim();
      const c = existing.get(externalId);
      if (inBatch.has(externalId)) rows.push(row({ externalId, outcome: RowOutcome.REJECTED, field: `remove[${i}]`, reason: `is also in contacts[${inBatch.get(externalId)}]` }));
      else if (!c || c.removedAt !== null) rows.push(row({ externalId, outcome: RowOutcome.REJECTED, field: `remove[${i}]`, reason: "no current contact has this externalId" }));
      else {
        inBatch.set(externalId, -1);
        remove(c);
      }
    });
  }

  // Write: numbers in the feed in row order, inserts in chunks, progress in the log.
  const writes = [...creates, ...updates, ...removals];
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
  for (let i = 0; i < creates.length; i += 100) {
    const chunk = creates.slice(i, i + 100);
    await m.insert(PartnerContact, chunk);
    progress(chunk.length);
  }
  for (const c of [...updates, ...removals]) {
    const { id, ...fields } = c;
    await m.update(PartnerContact, { id }, fields);
    progress(1);
  }

  await faultPoint("exchange.batch"); // the contacts are written, the batch's record is not
  const count = (o: RowOutcome) => rows.filter((r) => r.outcome === o).length;
  const report: BatchReport = {
    batchId: request.batchId,
    conference: request.conference,
    mode: request.mode,
    appliedAt: now,
    replayed: false,
    counts: { created: count(RowOutcome.CREATED), updated: count(RowOutcome.UPDATED), unchanged: count(RowOutcome.UNCHANGED), removed: count(RowOutcome.REMOVED), rejected: count(RowOutcome.REJECTED) },
    rows,
  };
  await m.insert(PartnerBatch, { conference: request.conference, batchId: request.batchId, mode: request.mode, contentHash: hash, actor: request.actor, appliedAt: now, report });
  log("info", "exchange.batch.applied", { batchId: request.batchId, conference: request.conference, actor: request.actor, ...report.counts });
  return report;
}
