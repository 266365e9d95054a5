import { PUBLIC_IDENTITY, signIdentity } from "../../../subgraphs/shared/src/identity";
import { keepAliveFetch } from "./keep-alive";

/**
 * The directory's revision, read from the directory subgraph through its API
 * (`directoryRevision`), never from its tables. Fresh for every request, yet cheap:
 * a request waits for a read that started after it arrived (so a write finished before
 * it arrived is always seen, on every gateway replica), and every request that arrives
 * while one read is in flight shares the next one. Under load that is one small
 * subgraph call per round of concurrent requests.
 */
export class DirectoryRevision {
  private inFlight: Promise<string> | undefined;
  private next: Promise<string> | undefined;
  /** Reads made, for tests and the bench. */
  reads = 0;

  constructor(
    private readonly directoryUrl: string,
    private readonly identitySecret: string,
  ) {}

  current(): Promise<string> {
    if (!this.inFlight) {
      this.inFlight = this.read().finally(() => (this.inFlight = undefined));
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

  private async read(): Promise<string> {
    this.reads++;
    const response = await keepAliveFetch(this.directoryUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...signIdentity(PUBLIC_IDENTITY, this.identitySecret) },
      body: '{"query":"{directoryRevision}"}',
    });
    const body = (await response.json()) as { data?: { directoryRevision?: string } };
    const revision = body.data?.directoryRevision;
    if (typeof revision !== "string") throw new Error(`directory revision unavailable (HTTP ${response.status})`);
    return revision;
  }
}
