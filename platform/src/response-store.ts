import { createHash } from "node:crypto";

export interface StoredResponse {
  body: Buffer;
  /** Strong: a hash of the exact bytes. */
  etag: string;
  cacheControl: string;
  storedAt: number;
}

export const strongEtag = (body: Buffer): string => `"${createHash("sha1").update(body).digest("base64url")}"`;

/** What an entry costs besides its body: its key, the entry object, the map's slot. */
const ENTRY_OVERHEAD = 256;
const sizeOf = (key: string, entry: StoredResponse) => entry.body.length + key.length * 2 + entry.etag.length * 2 + entry.cacheControl.length * 2 + ENTRY_OVERHEAD;

/**
 * Serialized public answers, by directory revision and request key, least recently
 * used first out when over `maxBytes` — counting each entry's key and bookkeeping as well
 * as its body, so that many tiny answers cannot outgrow the budget either. Entries of an older revision are dropped as soon
 * as a newer one is seen: nothing can read them any more. Entries also expire after
 * `maxAgeMs`, because a few public fields move with the clock (an office's staleness).
 */
export class ResponseStore {
  private revision: string | undefined;
  private readonly entries = new Map<string, StoredResponse>();
  private bytes = 0;
  readonly stats = { hits: 0, misses: 0, stored: 0 };

  constructor(
    private readonly maxBytes: number,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(revision: string, key: string): StoredResponse | undefined {
    this.moveTo(revision);
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.storedAt < this.maxAgeMs) {
      this.stats.hits++;
      this.entries.delete(key); // most recently used goes last
      this.entries.set(key, entry);
      return entry;
    }
    if (entry) this.remove(key, entry);
    this.stats.misses++;
    return undefined;
  }

  set(revision: string, key: string, body: Buffer, cacheControl: string): StoredResponse {
    const entry: StoredResponse = { body, etag: strongEtag(body), cacheControl, storedAt: this.now() };
    // An answer read at an older revision than the newest seen is already stale: send it, do not keep it.
    if (this.revision !== undefined && revision !== this.revision && BigInt(revision) < BigInt(this.revision)) return entry;
    this.moveTo(revision);
    if (sizeOf(key, entry) > this.maxBytes) return entry;
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.entries.set(key, entry);
    this.bytes += sizeOf(key, entry);
    this.stats.stored++;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest, value);
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes held, as counted against `maxBytes`. */
  get heldBytes(): number {
    return this.bytes;
  }

  private moveTo(revision: string): void {
    if (revision === this.revision) return;
    if (this.revision !== undefined && BigInt(revision) < BigInt(this.revision)) return; // a late reader: keep the newer entries
    this.revision = revision;
    this.entries.clear();
    this.bytes = 0;
  }

  private remove(key: string, entry: StoredResponse): void {
    this.entries.delete(key);
    this.bytes -= sizeOf(key, entry);
  }
}
