/**
 * Web sessions as stored (the pages' sign-in, web/src/session/): the shape a backend keeps
 * and the backend's interface. The gateway's database implements it
 * (gateway/src/auth/web-session-table.ts); the pages use it (web/src/session/session-store.ts);
 * neither imports the other: stack/ joins them.
 */
/** A stored session: what the backend keeps (the key sealed, the id only as a hash). */
export interface SessionRecord {
  idHash: string;
  keyId: string;
  sealedKey: string;
  csrf: string;
  createdAt: number;
  lastSeenAt: number;
}

/**
 * Where sessions are kept: the gateway's database in the stack, so that a restart or a
 * second gateway keeps them; MemorySessions (web/src/session/session-store.ts) in tests.
 */
export interface SessionBackend {
  insert(record: SessionRecord, maxPerKey: number, expiredBefore: { idle: number; created: number }): Promise<void>;
  get(idHash: string): Promise<SessionRecord | undefined>;
  touch(idHash: string, at: number): Promise<void>;
  remove(idHash: string): Promise<void>;
  countForKey(keyId: string): Promise<number>;
}
