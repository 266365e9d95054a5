import { randomUUID } from "node:crypto";
import { In, type EntityManager } from "typeorm";
import { fieldChanges } from "../../../kit/src/field-change";
import { PartnerContact } from "../entities/partner-contact.entity";
import { BatchMode, RowOutcome, type BatchRow } from "./batch.types";
import type { BatchRequest } from "./batch-request";
import { validateContact, type ValidContact } from "./validate-contact";
import { conferenceMembers } from "../../../kit/src/conference-members";

const COMPARED = ["countryCode", "topics", "personName", "position", "institution", "emails", "phones", "languages"] as const;

/** What a batch would do, computed without writing: the rows of the report and the entities to write. */
export interface BatchPlan {
  rows: BatchRow[];
  creates: PartnerContact[];
  updates: PartnerContact[];
  removals: PartnerContact[];
  /** The partner's contacts not removed before the batch (FULL only: the base of the removal limit). */
  current: number;
}

export const row = (fields: Partial<BatchRow> & Pick<BatchRow, "outcome">): BatchRow => ({
  index: null,
  externalId: null,
  contactId: null,
  changedFields: [],
  changes: [],
  field: null,
  reason: null,
  ...fields,
});

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

/**
 * Reads what the batch touches and decides each row: created, updated, unchanged,
 * removed, rejected. Bad rows change nothing; under FULL a rejected row's contact is
 * kept, not removed. The entities are changed in memory only.
 */
export async function planBatch(m: EntityManager, request: BatchRequest, now: string): Promise<BatchPlan> {
  const loaded = await loadExisting(m, request);
  const existing = new Map(loaded.map((c) => [c.externalId, c]));
  const plan: BatchPlan = { rows: [], creates: [], updates: [], removals: [], current: loaded.filter((c) => c.removedAt === null).length };
  const { rows } = plan;
  const inBatch = new Map<string, number>();

  request.contacts.forEach((input, index) => {
    const checked = validateContact(input, `contacts[${index}]`);
    const rawId = (input.externalId ?? "").trim() || null;
    if (!checked.ok) {
      if (rawId && !inBatch.has(rawId)) inBatch.set(rawId, index); // kept under FULL, not removed
      rows.push(row({ index, externalId: rawId, outcome: RowOutcome.REJECTED, field: checked.field, reason: checked.reason }));
      return;
    }
    const c = checked.contact;
    // A partner speaks for its own conference's countries: the CRM's focal points pushed back are not CSM contacts.
    const own = conferenceMembers(request.conference);
    if (!own.has(c.countryCode)) {
      inBatch.set(c.externalId, index);
      rows.push(
        row({
          index,
          externalId: c.externalId,
          outcome: RowOutcome.REJECTED,
          field: `contacts[${index}].country`,
          reason: `${c.countryCode} is not a member state of ${request.conference}; a partner pushes contacts of its own conference's countries (${[...own].sort().join(", ")})`,
        }),
      );
      return;
    }
    const earlier = inBatch.get(c.externalId);
    if (earlier !== undefined) {
      rows.push(row({ index, externalId: c.externalId, outcome: RowOutcome.REJECTED, field: `contacts[${index}].externalId`, reason: `duplicate of contacts[${earlier}] in this batch` }));
      return;
    }
    inBatch.set(c.externalId, index);
    const current = existing.get(c.externalId);
    if (!current) {
      const created = m.create(PartnerContact, { id: randomUUID(), conference: request.conference, ...c, version: 1, updatedAt: now, removedAt: null, lastBatch: request.batchId });
      plan.creates.push(created);
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
    plan.updates.push(current);
    rows.push(row({ index, externalId: c.externalId, outcome: restored ? RowOutcome.CREATED : RowOutcome.UPDATED, contactId: current.id, changedFields: restored ? [] : changed, changes }));
  });

  const remove = (c: PartnerContact) => {
    Object.assign(c, { version: c.version + 1, updatedAt: now, removedAt: now, lastBatch: request.batchId });
    plan.removals.push(c);
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
  return plan;
}
