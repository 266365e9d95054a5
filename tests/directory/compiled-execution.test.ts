import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGateway } from "../../gateway/src/server";
import { listen, type Listening } from "../../platform/src/http";
import { compiledStats } from "../../subgraphs/kit/src/compiled-execution";
import { createDirectoryServer } from "../../subgraphs/directory/src/server";
import { AWKWARD, askGateway, examples, siteQueries } from "../helpers/site-queries";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";

/**
 * The directory's compiled queries (subgraphs/kit/src/compiled-execution.ts) against
 * graphql-js: two gateways, one over the stack's directory (compiled) and one over a second
 * directory server on the same database that interprets, must give the same status and the
 * same bytes for every read in operations/ and the awkward documents, as every role.
 */
describe("the directory's compiled queries answer as graphql-js does", () => {
  let stack: TestStack;
  let compiled: Listening;
  let interpreted: Listening;
  let callers: Record<string, Record<string, string>>;
  const stops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    stack = await startTestStack("sqlite");
    callers = await stack.callers(ROLE_KEYS);
    const plain = await createDirectoryServer(stack.subgraphs.directory.dataSource, stack.identitySecret, { compiled: false });
    const plainListening = await listen(plain.handler, 0);
    stops.push(
      () => plainListening.close(),
      () => plain.stop(),
    );
    const supergraphSdl = readFileSync(join(__dirname, "../../gateway/supergraph.graphql"), "utf8");
    const cache = { enabled: false, maxBytes: 0, maxAgeSeconds: 60, staleWhileRevalidateSeconds: 300, revisionMaxAgeMs: 0 };
    for (const directoryUrl of [stack.subgraphs.directory.url, `${plainListening.url}/graphql`]) {
      const subgraphUrls = { ...Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.url])), directory: directoryUrl };
      const gateway = await createGateway({ supergraphSdl, subgraphUrls, keys: stack.keys, identitySecret: stack.identitySecret, cache });
      const listening = await listen(gateway.handler, 0);
      stops.push(
        () => listening.close(),
        () => gateway.stop(),
      );
      if (directoryUrl === stack.subgraphs.directory.url) compiled = listening;
      else interpreted = listening;
    }
  });
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
    await stack?.stop();
  });

  // No sync token comes from the directory's reads, so the bytes compare as they are.
  const both = async (query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>, operationName?: string, body?: string) => ({
    compiled: await askGateway(compiled, { query, variables, operationName, body }, headers, "fr"),
    interpreted: await askGateway(interpreted, { query, variables, operationName, body }, headers, "fr"),
  });

  it("every query in operations/, as its role, as the public, an official and the secretariat", async () => {
    const before = { ...compiledStats };
    const queries = siteQueries();
    for (const { name, query, variables } of queries) {
      const role = examples[name]?.role?.toLowerCase();
      for (const caller of new Set([role ?? "public", "public", "official", "secretariat"])) {
        const answers = await both(query, variables, callers[caller]);
        expect({ name, caller, ...answers.compiled }).toEqual({ name, caller, ...answers.interpreted });
      }
    }
    // The compiled path was taken (the interpreted server counts its queries too, as interpreted).
    expect(compiledStats.compiled - before.compiled).toBeGreaterThanOrEqual(queries.length);
  });

  it("the awkward documents, errors included, as every role; an answer with errors is graphql-js's own", async () => {
    const before = { ...compiledStats };
    for (const c of AWKWARD) {
      for (const caller of ["public", "official", "secretariat"]) {
        const answers = await both(c.query, c.variables, callers[caller], c.operationName, c.body);
        expect({ name: c.name, caller, ...answers.compiled }).toEqual({ name: c.name, caller, ...answers.interpreted });
      }
    }
    // The restricted field's FORBIDDEN and the failed nearest search were answered again by graphql-js.
    expect(compiledStats.recomputed - before.recomputed).toBeGreaterThanOrEqual(2);
  });

  it("a document is compiled the second time it comes, not the first", async () => {
    const query = `{ representations(first: 2) { nodes { id kindLabel(lang: EN) } } }`;
    const before = { ...compiledStats };
    const first = await both(query, undefined, callers.public);
    expect({ compiled: compiledStats.compiled - before.compiled, interpreted: compiledStats.interpreted - before.interpreted }).toEqual({ compiled: 0, interpreted: 1 });
    const second = await both(query, undefined, callers.public);
    expect({ compiled: compiledStats.compiled - before.compiled, interpreted: compiledStats.interpreted - before.interpreted }).toEqual({ compiled: 1, interpreted: 1 });
    expect(second).toEqual(first);
  });

  it("a mutation is never compiled", async () => {
    const before = { ...compiledStats };
    const answers = await both(`mutation { submitCorrection(representationId: "no-such-office", changes: { phones: ["+507 264 3043"] }, comment: "x") { id } }`, undefined, callers.official);
    expect(answers.compiled).toEqual(answers.interpreted);
    expect(JSON.parse(answers.compiled.body).errors[0].extensions.code).toBe("NOT_FOUND");
    expect(compiledStats.compiled).toBe(before.compiled);
    expect(compiledStats.interpreted - before.interpreted).toBe(1); // the compiled server ran it through graphql-js
  });
});
