import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGateway } from "../../gateway/src/server";
import { singleFetchStats } from "../../gateway/src/single-fetch";
import { listen, type Listening } from "../../platform/src/http";
import { AWKWARD, askGateway, examples, siteQueries } from "../helpers/site-queries";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";

/**
 * The single-fetch path (gateway/src/single-fetch.ts) against the gateway's own plan: two
 * gateways over the same subgraphs, one with the path and one without, must give the same
 * status and the same bytes for every read the site, the lookup and the clients send, as
 * every role, and for the awkward documents (aliases, fragments, directives, errors,
 * introspection beside data, several operations in one document).
 */
/** A sync token says when it was issued (to the second) and signs that: compare what it points at. */
function withoutIssueTimes(body: string): string {
  return body.replace(/"nextToken":"([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+"/g, (_all, payload: string) => {
    const { t: _issued, ...position } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return `"nextToken":${JSON.stringify(position)}`;
  });
}

describe("the single-fetch path answers as the gateway's plan does", () => {
  let stack: TestStack;
  let withPath: Listening;
  let withoutPath: Listening;
  let callers: Record<string, Record<string, string>>;
  const stops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    stack = await startTestStack("sqlite");
    callers = await stack.callers(ROLE_KEYS);
    const supergraphSdl = readFileSync(join(__dirname, "../../gateway/supergraph.graphql"), "utf8");
    const subgraphUrls = Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.url]));
    const cache = { enabled: false, maxBytes: 0, maxAgeSeconds: 60, staleWhileRevalidateSeconds: 300, revisionMaxAgeMs: 0 };
    for (const singleFetch of [true, false]) {
      const gateway = await createGateway({ supergraphSdl, subgraphUrls, keys: stack.keys, identitySecret: stack.identitySecret, cache, singleFetch });
      const listening = await listen(gateway.handler, 0);
      stops.push(
        () => listening.close(),
        () => gateway.stop(),
      );
      if (singleFetch) withPath = listening;
      else withoutPath = listening;
    }
  });
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
    await stack?.stop();
  });

  async function both(query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>, operationName?: string, body?: string) {
    const ask = async (listening: Listening) => {
      const answer = await askGateway(listening, { query, variables, operationName, body }, headers, "es");
      return { ...answer, body: withoutIssueTimes(answer.body) };
    };
    const before = { ...singleFetchStats };
    const single = await ask(withPath);
    const counted = { single: singleFetchStats.single - before.single, planned: singleFetchStats.planned - before.planned, bytes: singleFetchStats.bytes - before.bytes };
    const planned = await ask(withoutPath);
    return { single, planned, counted };
  }

  it("every query in operations/, as its role, as the public and as an official", async () => {
    const queries = siteQueries();
    expect(queries.length).toBeGreaterThanOrEqual(20);
    let throughPath = 0;
    let asBytes = 0;
    for (const { name, query, variables } of queries) {
      const role = examples[name]?.role?.toLowerCase();
      for (const caller of new Set([role ?? "public", "public", "official"])) {
        const { single, planned, counted } = await both(query, variables, callers[caller]);
        expect({ name, caller, ...single }).toEqual({ name, caller, ...planned });
        throughPath += counted.single;
        asBytes += counted.bytes;
      }
    }
    // Most of the site's reads are one subgraph's: the path is taken, not skipped.
    expect(throughPath).toBeGreaterThanOrEqual(queries.length);
    // Answers without errors pass as the subgraph's bytes, never parsed.
    expect(asBytes).toBeGreaterThanOrEqual(queries.length);
  });

  for (const c of AWKWARD) {
    it(`${c.name}: the same answer; ${c.single ? "one fetch of the document" : "the gateway's plan"}`, async () => {
      for (const caller of ["public", "official", "secretariat"]) {
        const { single, planned, counted } = await both(c.query, c.variables, callers[caller], c.operationName, c.body);
        expect(single).toEqual(planned);
        expect(JSON.parse(single.body)).toHaveProperty(JSON.parse(single.body).data === undefined ? "errors" : "data");
        const clean = JSON.parse(single.body).errors === undefined;
        expect(counted).toEqual(c.single ? { single: 1, planned: 0, bytes: clean ? 1 : 0 } : { single: 0, planned: 1, bytes: 0 });
      }
    });
  }

  it("a subgraph that cannot be reached: the gateway's own answer (its plan, the service named)", async () => {
    await stack.stopSubgraph("roster");
    try {
      const { single, planned, counted } = await both(`{ focalPoints(first: 2) { id } }`, undefined, callers.secretariat);
      expect(single).toEqual(planned);
      expect(JSON.parse(single.body).errors[0].extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE", serviceName: "roster" });
      expect(counted).toEqual({ single: 0, planned: 1, bytes: 0 });
    } finally {
      await stack.restartSubgraph("roster");
    }
  });
});
