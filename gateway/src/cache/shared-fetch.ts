import { Response, type RequestInit } from "node-fetch";
import { keepAliveFetch } from "../../../platform/src/keep-alive";

/**
 * Set by the data source on a subgraph request that may be shared: a PUBLIC query, with
 * the directory revision the caller read after it arrived as the value. Identical
 * requests in flight at the same revision are sent once (what Hive Gateway calls
 * request deduplication); callers read the same bytes (nobody writes to them) and each
 * parses its own objects from them, so no caller can alter another's.
 *
 * Why the revision makes sharing safe: a caller that read revision r shares only a fetch
 * started after some caller read r, so that fetch sees every write the caller must see.
 */
export const SHARE_HEADER = "x-enlace-share";

interface Shared {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Buffer;
}

export const sharingStats = { sent: 0, joined: 0 };

export function sharingFetcher(send: typeof keepAliveFetch = keepAliveFetch) {
  const inFlight = new Map<string, Promise<Shared>>();
  return async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string> | undefined;
    const revision = headers?.[SHARE_HEADER];
    if (!revision) return send(url, init);
    const key = `${url}\n${revision}\n${headers["accept-language"] ?? ""}\n${String(init.body)}`;
    let pending = inFlight.get(key);
    if (pending) sharingStats.joined++;
    else {
      sharingStats.sent++;
      pending = send(url, init)
        .then(async (response) => ({ status: response.status, statusText: response.statusText, headers: [...response.headers.entries()], body: await response.buffer() }))
        .finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    const shared = await pending;
    return new Response(shared.body, { status: shared.status, statusText: shared.statusText, headers: shared.headers });
  };
}
