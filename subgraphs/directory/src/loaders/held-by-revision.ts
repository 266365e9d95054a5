import { SharedRead } from "./shared-read";

/**
 * A value read from the database and held in memory per directory revision (any write to
 * the public data bumps it: 1732900000000-revision), read again only when the revision
 * moves. `variant` names what else the value depends on (the catalogue's revision, for
 * the offers); a value is held for one variant at a time.
 *
 * A read is held under the revision its request read before it, so what is held is never
 * older than its label; a request that read an older revision than the one held gets the
 * newer value, never an older one. Requests that need the same read while it runs share it.
 */
export class HeldByRevision<T> {
  private held?: { directory: bigint; variant: string; value: T };
  private readonly reading = new SharedRead<T>();

  at(directoryRevision: string, variant: string, read: () => Promise<T>): T | Promise<T> {
    const directory = BigInt(directoryRevision);
    const held = this.held;
    if (held && held.variant === variant && held.directory >= directory) return held.value;
    return this.reading.get(`${directoryRevision}/${variant}`, async () => {
      const value = await read();
      const now = this.held;
      // A newer value never gives way to an older read that finished later.
      if (!now || now.variant !== variant || directory >= now.directory) this.held = { directory, variant, value };
      return value;
    });
  }
}
