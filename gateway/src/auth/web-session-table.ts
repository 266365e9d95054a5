import { LessThan, type DataSource } from "typeorm";
import type { SessionBackend, SessionRecord } from "../../../platform/src/sessions";
import { WebSession } from "./web-session.entity";

/**
 * The web sessions' table in the gateway's database (SQLite by default, PostgreSQL in
 * production): what every gateway of a deployment reads, so a restart or a second gateway
 * keeps the sessions. A key holds at most `maxPerKey` sessions: a new one ends that key's
 * least recently used — never another key's.
 */
export class WebSessionTable implements SessionBackend {
  constructor(private readonly dataSource: DataSource) {}

  async insert(record: SessionRecord, maxPerKey: number, expiredBefore: { idle: number; created: number }): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(WebSession);
      await repo.delete({ keyId: record.keyId, lastSeenAt: LessThan(expiredBefore.idle) });
      await repo.delete({ keyId: record.keyId, createdAt: LessThan(expiredBefore.created) });
      const mine = await repo.find({ where: { keyId: record.keyId }, order: { lastSeenAt: "ASC" }, select: { idHash: true } });
      const over = mine.length - maxPerKey + 1;
      for (const old of mine.slice(0, Math.max(0, over))) await repo.delete({ idHash: old.idHash });
      await repo.insert(record);
    });
  }

  async get(idHash: string): Promise<SessionRecord | undefined> {
    return (await this.dataSource.getRepository(WebSession).findOneBy({ idHash })) ?? undefined;
  }

  async touch(idHash: string, at: number): Promise<void> {
    await this.dataSource.getRepository(WebSession).update({ idHash }, { lastSeenAt: at });
  }

  async remove(idHash: string): Promise<void> {
    await this.dataSource.getRepository(WebSession).delete({ idHash });
  }

  async countForKey(keyId: string): Promise<number> {
    return this.dataSource.getRepository(WebSession).countBy({ keyId });
  }

  /** Ends every session of a key (its revocation). */
  async removeKey(keyId: string): Promise<void> {
    await this.dataSource.getRepository(WebSession).delete({ keyId });
  }
}
