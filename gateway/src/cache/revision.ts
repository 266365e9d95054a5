import { Agent, get } from "node:http";
import { Agent as HttpsAgent, get as httpsGet } from "node:https";

/** Its own sockets, kept open: a revision read is one small GET per round of requests. */
const agents = { http: new Agent({ keepAlive: true, maxSockets: 8 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 8 }) };

/**
 * The directory's revision, read from the directory subgraph through its API
 * (`GET /revision`, the `directoryRevision` field without GraphQL), never from its
 * tables. Fresh for every request, yet cheap: a request waits for a read that started after it arrived (so a write finished before
 * it arrived is always seen, on every gateway replica), and every request that arrives
 * while one read is in flight shares the next one. Under load that is one small
 * subgraph call per round of concurrent requests.
 */
export class DirectoryRevision {
  private inFlight: Promise<string> | undefined;
  private next: Promise<string> | undefined;
  /** Reads made, for tests and the bench. */
  reads = 0;

  private readonly revisionUrl: URL;
  private last: { value: string; startedAt: number } | undefined;

  /**
   * `directoryUrl`: the directory subgraph's GraphQL endpoint; the revision is at `revision`
   * beside it. `maxAgeMs` (GATEWAY_REVISION_MAX_AGE_MS, default 0): reuse a read started at
   * most this long ago, trading that much staleness after writes made elsewhere for fewer
   * reads. Writes through this gateway are always seen at once (`invalidate`).
   */
  constructor(
    directoryUrl: string,
    private readonly maxAgeMs = 0,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.revisionUrl = new URL("revision", directoryUrl);
  }

  /** A write went through this gateway: the next request reads the revision afresh. */
  invalidate(): void {
    this.last = undefined;
    this.generation++; // a read in flight may predate the write: it must not become `last`
  }

  private generation = 0;

  current(): Promise<string> {
    if (this.maxAgeMs > 0 && this.last && this.now() - this.last.startedAt <= this.maxAgeMs) return Promise.resolve(this.last.value);
    if (!this.inFlight) {
      const startedAt = this.now();
      const generation = this.generation;
      const read = this.read();
      this.inFlight = read.finally(() => (this.inFlight = undefined));
      read.then((value) => void (generation === this.generation && (this.last = { value, startedAt })), () => undefined);
      return this.inFlight;
    }
    // The read in flight may have started before a write this request must see: wait for the next.
    this.next ??= this.inFlight
      .catch(() => undefined)
      .then(() => {
        this.next = undefined;
        return this.current();
      });
    return this.next;
  }

  private read(): Promise<string> {
    this.reads++;
    return new Promise((resolve, reject) => {
      const https = this.revisionUrl.protocol === "https:";
      const request = (https ? httpsGet : get)(this.revisionUrl, { agent: https ? agents.https : agents.http, headers: { accept: "application/json" } }, (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => {
          try {
            const revision = (JSON.parse(text) as { directoryRevision?: unknown }).directoryRevision;
            if (response.statusCode === 200 && typeof revision === "string") resolve(revision);
            else reject(new Error(`directory revision unavailable (HTTP ${response.statusCode})`));
          } catch {
            reject(new Error(`directory revision unreadable (HTTP ${response.statusCode})`));
          }
        });
        response.on("error", reject);
      });
      request.setTimeout(2000, () => request.destroy(new Error("directory revision: no answer in 2 s")));
      request.on("error", reject);
    });
  }
}
