import { createHash, randomBytes } from "node:crypto";

export interface Session {
  /** The API key pasted at sign-in: kept here, sent to the API with each page's calls, never to the browser. */
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
  /** At most this many sessions; signing in beyond it ends the least recently used (default 10,000). */
  maxSessions: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMs: 8 * 3600_000, maxAgeMs: 24 * 3600_000, maxSessions: 10_000 };

/** 256 random bits, base64url. */
export const randomToken = () => randomBytes(32).toString("base64url");

/** Sessions are filed under a hash of their id: a lookup's timing says nothing about live ids. */
const digest = (id: string) => createHash("sha256").update(id).digest("base64url");

/**
 * Sessions of the web pages, in this process's memory: a restart signs everyone out, and
 * replicas behind a load balancer need sticky sessions (README, "Web pages"). Map order is
 * recency order (a touched session is moved to the end), so the cap ends the least recently used.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  /** A new session for a key that has just authenticated; returns its id (for the cookie only). */
  create(key: string): { id: string; session: Session } {
    const at = this.now();
    if (this.sessions.size >= this.limits.maxSessions) this.sweep(at);
    while (this.sessions.size >= this.limits.maxSessions) {
      const oldest = this.sessions.keys().next();
      if (oldest.done) break;
      this.sessions.delete(oldest.value);
    }
    const id = randomToken();
    const session: Session = { key, csrf: randomToken(), createdAt: at, lastSeenAt: at };
    this.sessions.set(digest(id), session);
    return { id, session };
  }

  /** The live session of an id, marked as used now; undefined (and forgotten) when it has expired. */
  touch(id: string): Session | undefined {
    const hash = digest(id);
    const session = this.sessions.get(hash);
    if (!session) return undefined;
    const at = this.now();
    this.sessions.delete(hash);
    if (this.expired(session, at)) return undefined;
    session.lastSeenAt = at;
    this.sessions.set(hash, session);
    return session;
  }

  end(id: string): void {
    this.sessions.delete(digest(id));
  }

  private expired(session: Session, at: number): boolean {
    return at - session.lastSeenAt >= this.limits.idleMs || at - session.createdAt >= this.limits.maxAgeMs;
  }

  private sweep(at: number): void {
    for (const [hash, session] of this.sessions) if (this.expired(session, at)) this.sessions.delete(hash);
  }
}
