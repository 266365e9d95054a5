/**
 * One read per key in flight: requests that need the same read while it runs share it, and
 * it is forgotten once it settles. A read for another key replaces it as the one to share
 * (the older one still answers those already waiting on it).
 */
export class SharedRead<T> {
  private pending?: { key: string; value: Promise<T> };

  get(key: string, read: () => Promise<T>): Promise<T> {
    if (this.pending?.key === key) return this.pending.value;
    const started = {
      key,
      value: read().finally(() => {
        if (this.pending === started) this.pending = undefined;
      }),
    };
    this.pending = started;
    return started.value;
  }
}
