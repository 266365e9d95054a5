import type { SessionBackend, SessionRecord } from "../../../platform/src/sessions";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

export interface Session {
  /** The API key pasted at sign-in: sent to the API with each page's calls, never to the browser. */
  key: string;
  /** The per-session CSRF token every form that writes carries. */
  csrf: string;
  createdAt: number;
  lastSeenAt: number;
}

export interface SessionLimits {
  /** A session unused this long ends (default 8 h: a shift). */
  idleMs: number;
  /** A session ends this long after sign-in whatever its use (default 24 h). */
  maxAgeMs: number;
  /** At most this many sessions per API key; signing in beyond it ends that key's least recently used (default 20). */
  maxPerKey: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMs: 8 * 3600_000, maxAgeMs: 24 * 3600_000, maxPerKey: 20 };

export type { SessionBackend, SessionRecord } from "../../../platform/src/sessions";

/** Sessions in this process's memory (tests, or a gateway without a key database). */
export class MemorySessions implements SessionBackend {
  private readonly rows = new Map<string, SessionRecord>();

  async insert(record: SessionRecord, maxPerKey: number, expiredBefore: { idle: number; created: number }): Promise<void> {
    const mine = [...this.rows.values()].filter((r) => r.keyId === record.keyId);
    for (const r of mine) if (r.lastSeenAt < expiredBefore.idle || r.createdAt < expiredBefore.created) this.rows.delete(r.idHash);
    const live = [...this.rows.values()].filter((r) => r.keyId === record.keyId).sort((a, b) => a.lastSeenAt - b.lastSeenAt);
    for (const r of live.slice(0, Math.max(0, live.length - maxPerKey + 1))) this.rows.delete(r.idHash);
    this.rows.set(record.idHash, { ...record });
  }
  async get(idHash: string) {
    const row = this.rows.get(idHash);
    return row ? { ...row } : undefined;
  }
  async touch(idHash: string, at: number) {
    const row = this.rows.get(idHash);
    if (row) row.lastSeenAt = at;
  }
  async remove(idHash: string) {
    this.rows.delete(idHash);
  }
  async countForKey(keyId: string) {
    return [...this.rows.values()].filter((r) => r.keyId === keyId).length;
  }
  get size(): number {
    return this.rows.size;
  }
}

/** 256 random bits, base64url. */
export const randomToken = () => randomBytes(32).toString("base64url");

/** Sessions are filed under a hash of their id: a lookup's timing says nothing about live ids, and a stolen table holds no cookie. */
const digest = (id: string) => createHash("sha256").update(id).digest("base64url");

/**
 * Seals the API key kept with a session (AES-256-GCM): a key derived from the secret every
 * gateway of a deployment shares (IDENTITY_SECRET), so another gateway can open it; a
 * random one per process when none is given (sessions then end with the process).
 */
export class KeySealer {
  private readonly key: Buffer;

  constructor(secret?: string) {
    this.key = secret ? createHash("sha256").update(`enlace web session\u0000${secret}`).digest() : randomBytes(32);
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
  }

  open(sealed: string): string | null {
    try {
      const [iv, tag, body] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
      const decipher = createDecipheriv("aes-256-gcm", this.key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
    } catch {
      return null;
    }
  }
}

/**
 * The web pages' sessions: created at sign-in, found by the cookie's id, ended at sign-out,
 * after `idleMs` unused or `maxAgeMs` after sign-in. A key holds at most `maxPerKey`: a key
 * signing in again and again ends its own oldest sessions, never anyone else's.
 */
export class SessionStore {
  constructor(
    private readonly backend: SessionBackend = new MemorySessions(),
    private readonly sealer: KeySealer = new KeySealer(),
    readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new session for a key that has just authenticated (its id: `keyId`); returns its id (for the cookie only). */
  async create(key: string, keyId: string): Promise<{ id: string; session: Session }> {
    const at = this.now();
    const id = randomToken();
    const session: Session = { key, csrf: randomToken(), createdAt: at, lastSeenAt: at };
    await this.backend.insert({ idHash: digest(id), keyId, sealedKey: this.sealer.seal(key), csrf: session.csrf, createdAt: at, lastSeenAt: at }, this.limits.maxPerKey, {
      idle: at - this.limits.idleMs,
      created: at - this.limits.maxAgeMs,
    });
    return { id, session };
  }

  /** The live session of an id, marked as used now; undefined (and ended) when it has expired or cannot be opened. */
  async touch(id: string): Promise<Session | undefined> {
    const hash = digest(id);
    const row = await this.backend.get(hash);
    if (!row) return undefined;
    const at = this.now();
    const key = this.sealer.open(row.sealedKey);
    if (key === null || at - row.lastSeenAt >= this.limits.idleMs || at - row.createdAt >= this.limits.maxAgeMs) {
      await this.backend.remove(hash);
      return undefined;
    }
    await this.backend.touch(hash, at);
    return { key, csrf: row.csrf, createdAt: row.createdAt, lastSeenAt: at };
  }

  async end(id: string): Promise<void> {
    await this.backend.remove(digest(id));
  }

  countForKey(keyId: string): Promise<number> {
    return this.backend.countForKey(keyId);
  }
}
