import { Agent, get } from "node:http";
import { Agent as HttpsAgent, get as httpsGet } from "node:https";
import { PlainGetClient, UnsupportedResponse } from "./revision-client";

/** Its own sockets, kept open: a revision read is one small GET per round of requests. */
const agents = { http: new Agent({ keepAlive: true, maxSockets: 8 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 8 }) };

/** Reads of the revision at once, at most: under load a new one starts while the last is on its way back. */
const MAX_READS_IN_FLIGHT = 2;

interface Waiting {
  promise: Promise<string>;
  resolve(value: string): void;
  reject(error: unknown): void;
}

/**
 * The directory's revision, read from the directory subgraph through its API
 * (`GET /revision`, the `directoryRevision` field without GraphQL), never from its
 * tables. Fresh for every request, yet cheap: a request waits for a read that started
 * after it arrived (so a write finished before it arrived is always seen, on every
 * gateway replica). A read starts once the requests that arrived in the same turn of the
 * event loop have all asked (setImmediate), and they all share it; under load, requests
 * arriving while reads are in flight share the next one, which starts as soon as fewer
 * than MAX_READS_IN_FLIGHT are out. That is one small subgraph call per round of
 * concurrent requests.
 */
export class DirectoryRevision {
  /** The next read: requests wait on it before it starts. */
  private waiting: Waiting | undefined;
  private running = 0;
  private scheduled = false;
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
    if (this.revisionUrl.protocol === "http:") this.plain = new PlainGetClient(this.revisionUrl);
  }

  /** A write went through this gateway: the next request reads the revision afresh. */
  invalidate(): void {
    this.last = undefined;
    this.generation++; // a read in flight may predate the write: it must not become `last`
  }

  private generation = 0;

  current(): Promise<string> {
    if (this.maxAgeMs > 0 && this.last && this.now() - this.last.startedAt <= this.maxAgeMs) return Promise.resolve(this.last.value);
    if (!this.waiting) {
      let resolve!: (value: string) => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<string>((res, rej) => ((resolve = res), (reject = rej)));
      this.waiting = { promise, resolve, reject };
    }
    const { promise } = this.waiting;
    this.schedule();
    return promise;
  }

  private schedule(): void {
    if (this.scheduled || !this.waiting || this.running >= MAX_READS_IN_FLIGHT) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.start();
    });
  }

  private start(): void {
    const waiting = this.waiting;
    if (!waiting || this.running >= MAX_READS_IN_FLIGHT) return;
    this.waiting = undefined;
    this.running++;
    const startedAt = this.now();
    const generation = this.generation;
    this.read()
      .then(
        (value) => {
          if (generation === this.generation && (!this.last || this.last.startedAt <= startedAt)) this.last = { value, startedAt };
          waiting.resolve(value);
        },
        (error: unknown) => waiting.reject(error),
      )
      .finally(() => {
        this.running--;
        this.schedule();
      });
  }

  private plain: PlainGetClient | undefined;

  private read(): Promise<string> {
    this.reads++;
    if (!this.plain) return this.readWithAgent();
    return this.plain.get().then(
      (response) => this.parse(response.status, response.body),
      (error: unknown) => {
        if (!(error instanceof UnsupportedResponse)) throw error;
        this.plain = undefined; // not the directory's plain answer: node:http from now on
        return this.readWithAgent();
      },
    );
  }

  private parse(status: number | undefined, text: string): string {
    let revision: unknown;
    try {
      revision = (JSON.parse(text) as { directoryRevision?: unknown }).directoryRevision;
    } catch {
      throw new Error(`directory revision unreadable (HTTP ${status})`);
    }
    if (status === 200 && typeof revision === "string") return revision;
    throw new Error(`directory revision unavailable (HTTP ${status})`);
  }

  private readWithAgent(): Promise<string> {
    return new Promise((resolve, reject) => {
      const https = this.revisionUrl.protocol === "https:";
      const request = (https ? httpsGet : get)(this.revisionUrl, { agent: https ? agents.https : agents.http, headers: { accept: "application/json" } }, (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => {
          try {
            resolve(this.parse(response.statusCode, text));
          } catch (error) {
            reject(error);
          }
        });
        response.on("error", reject);
      });
      request.setTimeout(2000, () => request.destroy(new Error("directory revision: no answer in 2 s")));
      request.on("error", reject);
    });
  }
}
