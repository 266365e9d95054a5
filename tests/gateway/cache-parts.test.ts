import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Response } from "node-fetch";
import { describe, expect, it } from "vitest";
import { CachePolicy } from "../../gateway/src/cache/cache-policy";
import { ResponseStore } from "../../platform/src/response-store";
import { DirectoryRevision } from "../../gateway/src/cache/revision";
import { PlainGetClient } from "../../gateway/src/cache/revision-client";
import { SHARE_HEADER, sharingFetcher } from "../../gateway/src/cache/shared-fetch";
import { SUPERGRAPH_PATH } from "../../platform/src/paths";

describe("CachePolicy (from the supergraph)", () => {
  const policy = new CachePolicy(readFileSync(SUPERGRAPH_PATH, "utf8"));

  it("keeps restricted fields and other subgraphs' fields out, and lets public directory data in", () => {
    for (const coordinate of [
      "Representation.auditTrail",
      "Query.pendingCorrections",
      "FocalPoint.personName",
      "FocalPoint.history",
      "PartnerContact.emails",
      "Country.focalPoints",
      "Query.focalPoints",
    ]) {
      expect(policy.uncacheable.has(coordinate), coordinate).toBe(true);
    }
    for (const coordinate of ["Representation.name", "Representation.procedures", "Query.representations", "Query.nearestRepresentations", "Country.name", "Country.code"]) {
      expect(policy.uncacheable.has(coordinate), coordinate).toBe(false);
    }
  });

  it("judges whole documents, fragments included", () => {
    expect(policy.reasonNotToCache(`{ representations { nodes { id ...F } } } fragment F on Representation { name city }`)).toBeNull();
    expect(policy.reasonNotToCache(`{ representations { nodes { ...F } } } fragment F on Representation { auditTrail { action } }`)).toMatch(/auditTrail is restricted/);
    expect(policy.reasonNotToCache(`{ country(code: "PA") { focalPoints { institution } } }`)).toMatch(/Country.focalPoints is resolved by roster/);
    expect(policy.reasonNotToCache(`mutation { markRepresentationVerified(id: "x", version: 1) { id } }`)).toMatch(/mutation/);
    expect(policy.reasonNotToCache(`{ __schema { types { name } } }`)).toBe("introspection");
  });
});

describe("DirectoryRevision", () => {
  it("makes each caller wait for a read that started after it arrived, shared by everyone waiting", async () => {
    let reads = 0;
    let release: () => void = () => undefined;
    const server = createServer((_req, res) => {
      const n = ++reads;
      release = () => res.end(JSON.stringify({ directoryRevision: String(n) }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const revision = new DirectoryRevision(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
    const until = async (n: number) => {
      while (reads < n) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    try {
      const first = revision.current();
      await until(1);
      const later = [revision.current(), revision.current(), revision.current()]; // arrive while read 1 is in flight
      release();
      expect(await first).toBe("1");
      await until(2);
      release();
      expect(await Promise.all(later)).toEqual(["2", "2", "2"]);
      expect(reads).toBe(2);
    } finally {
      server.close();
    }
  });
});

describe("DirectoryRevision with GATEWAY_REVISION_MAX_AGE_MS", () => {
  it("reuses a read started within the age, and reads afresh after a write through this gateway", async () => {
    let reads = 0;
    const server = createServer((_req, res) => res.end(JSON.stringify({ directoryRevision: String(++reads) })));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    let now = 0;
    const revision = new DirectoryRevision(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, 100, () => now);
    try {
      expect(await revision.current()).toBe("1");
      now = 100;
      expect(await revision.current()).toBe("1"); // within 100 ms of the read's start
      revision.invalidate();
      expect(await revision.current()).toBe("2");
      now = 201;
      expect(await revision.current()).toBe("3"); // older than 100 ms
    } finally {
      server.close();
    }
  });
});

/** A throwaway HTTP server on port 0: its URL, its connections, and how to stop it. */
async function serve(handler: Parameters<typeof createServer>[1]) {
  const server = createServer(handler);
  const connections = new Set<unknown>();
  server.on("connection", (socket) => connections.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections, close: () => (server.closeAllConnections(), server.close()) };
}

describe("PlainGetClient (the revision's reader)", () => {
  it("reads over one kept-alive connection, and asks again on a new one when the server dropped it", async () => {
    let n = 0;
    const server = await serve((req, res) => {
      if (++n === 3) return void req.socket.destroy(); // a kept-alive connection closed as the request arrives
      res.end(JSON.stringify({ path: req.url, n }));
    });
    const client = new PlainGetClient(new URL(`${server.url}/revision?x=1`));
    try {
      expect(await client.get()).toEqual({ status: 200, body: '{"path":"/revision?x=1","n":1}' });
      expect((await client.get()).body).toContain('"n":2');
      expect(server.connections.size).toBe(1);
      expect((await client.get()).body).toContain('"n":4');
      expect(server.connections.size).toBe(2);
    } finally {
      client.close();
      server.close();
    }
  });

  it("gives up on a server that does not answer", async () => {
    const server = await serve(() => undefined);
    const client = new PlainGetClient(new URL(`${server.url}/revision`), 50);
    try {
      await expect(client.get()).rejects.toThrow(/no answer/);
    } finally {
      client.close();
      server.close();
    }
  });

  it("leaves answers without Content-Length to node:http: DirectoryRevision still reads them", async () => {
    const server = await serve((_req, res) => {
      res.write('{"directoryRevision":');
      res.end('"7"}'); // chunked
    });
    try {
      expect(await new DirectoryRevision(`${server.url}/graphql`).current()).toBe("7");
    } finally {
      server.close();
    }
  });
});

describe("sharingFetcher", () => {
  it("sends identical shareable requests in flight once, and gives each caller its own copy", async () => {
    const sent: string[] = [];
    const fetcher = sharingFetcher((async (_url: string, init: { body?: unknown }) => {
      sent.push(String(init.body));
      await new Promise((resolve) => setTimeout(resolve, 20));
      return new Response('{"data":{"x":1}}', { status: 200, headers: { "content-type": "application/json" } });
    }) as never);
    const init = (revision: string | undefined, body = "q") => ({ method: "POST", body, headers: { ...(revision && { [SHARE_HEADER]: revision }), "accept-language": "en" } });
    const answers = await Promise.all([fetcher("u", init("7")), fetcher("u", init("7")), fetcher("u", init("8")), fetcher("u", init(undefined)), fetcher("u", init("7", "other"))]);
    expect(sent).toHaveLength(4); // the two identical ones at revision 7 went once
    const [a, b] = await Promise.all([answers[0].json(), answers[1].json()]);
    expect(a).toEqual({ data: { x: 1 } });
    expect(a).not.toBe(b);
  });
});

describe("ResponseStore", () => {
  it("forgets older revisions, expires entries and evicts the least recently used over its size", () => {
    let now = 0;
    // Each entry counts its body, key, ETag, Cache-Control and bookkeeping: room for two of these, not three.
    const one = 5 + 2 + 2 * `"${"x".repeat(27)}"`.length + 2 * "public".length + 256;
    const store = new ResponseStore(2 * one + 10, 1000, () => now);
    store.set("1", "a", Buffer.from("12345"), "public");
    expect(store.get("1", "a")?.body.toString()).toBe("12345");
    expect(store.get("2", "a")).toBeUndefined(); // a newer revision: the old entries are gone
    store.set("1", "b", Buffer.from("x"), "public"); // read at an older revision than seen: not kept
    expect(store.get("2", "b")).toBeUndefined();
    store.set("2", "a", Buffer.from("12345"), "public");
    store.set("2", "b", Buffer.from("12345"), "public");
    store.get("2", "a");
    store.set("2", "c", Buffer.from("12345"), "public"); // over the budget: b, the least recently used, goes
    expect(store.get("2", "b")).toBeUndefined();
    expect(store.get("2", "a")).toBeDefined();
    now = 1000;
    expect(store.get("2", "a")).toBeUndefined(); // expired
  });

  it("counts what each entry costs besides its body: a flood of tiny answers under huge keys stays within the budget", () => {
    const store = new ResponseStore(1024 * 1024, 60_000);
    for (let i = 0; i < 20_000; i++) store.set("1", `${i}:${"k".repeat(100)}`, Buffer.from("{}"), "public, max-age=60");
    expect(store.heldBytes).toBeLessThanOrEqual(1024 * 1024);
    expect(store.size).toBeLessThan(3_000);
  });
});
