import { In, type EntityManager } from "typeorm";
import { nextSeqs } from "../../../kit/src/sync/sync-state";
import type { FocalPoint } from "../entities/focal-point.entity";
import { ALL, inPartnerFeed, PARTNER_CONFERENCES, partnerAudience } from "./audiences";
import { FeedEntry } from "./feed-entry.entity";

/**
 * Puts written focal points at the head of the feeds, inside the write's transaction:
 * always in "*", and for each partner as an upsert while shared and active, or as one
 * tombstone when it stops being so. Changes to focal points a partner never had, or has
 * already removed, are not in its feed at all.
 */
export async function recordFocalPointChanges(m: EntityManager, written: FocalPoint[]): Promise<void> {
  if (!written.length) return;
  const partnerAudiences = PARTNER_CONFERENCES.map(partnerAudience);
  const existing = new Set((await m.find(FeedEntry, { where: { audience: In(partnerAudiences), entityId: In(written.map((fp) => fp.id)), removed: 0 } })).map((e) => `${e.audience} ${e.entityId}`));
  const entries: Omit<FeedEntry, "seq">[] = [];
  for (const fp of written) {
    entries.push({ audience: ALL, entityId: fp.id, removed: 0 });
    for (const conference of PARTNER_CONFERENCES) {
      const audience = partnerAudience(conference);
      if (inPartnerFeed(fp, conference)) entries.push({ audience, entityId: fp.id, removed: 0 });
      else if (existing.has(`${audience} ${fp.id}`)) entries.push({ audience, entityId: fp.id, removed: 1 });
    }
  }
  const first = await nextSeqs(m, entries.length);
  const rows = entries.map((e, i) => ({ ...e, seq: first + i }));
  for (let i = 0; i < rows.length; i += 200) {
    await m
      .createQueryBuilder()
      .insert()
      .into(FeedEntry)
      .values(rows.slice(i, i + 200))
      .orUpdate(["seq", "removed"], ["audience", "entity_id"])
      .execute();
  }
}
