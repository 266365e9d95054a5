import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { buildSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../platform/src/paths";
import { requestArbitrary, type FuzzRequest } from "./fuzz/operations.arbitrary";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";

/**
 * Operations generated from the API schema, sent through the gateway: valid and invalid,
 * with random variables, as any caller. CI runs FUZZ_RUNS (default 2,000); run many more
 * with `FUZZ_RUNS=50000 npx vitest run tests/gateway/fuzz.test.ts`, and replay a failure
 * with the FUZZ_SEED (and FUZZ_PATH) it prints.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

interface Outcome {
  status: number;
  body: { errors?: { message: string; extensions?: { code?: string } }[] } | string;
}

/** What the fuzzer refuses: a 5xx, or an INTERNAL_SERVER_ERROR anywhere in the answer. */
export function failureOf({ status, body }: Outcome): string | undefined {
  if (status >= 500) return `HTTP ${status}: ${JSON.stringify(body).slice(0, 300)}`;
  if (typeof body === "string") return `not JSON (HTTP ${status}): ${body.slice(0, 200)}`;
  const internal = body.errors?.find((e) => !e.extensions?.code || e.extensions.code === "INTERNAL_SERVER_ERROR");
  return internal ? `${internal.extensions?.code ?? "no code"}: ${internal.message.slice(0, 300)}` : undefined;
}

describe("fuzzing the gateway with operations from the API schema", () => {
  let stack: TestStack;
  let headers: Record<string, Record<string, string>>;
  beforeAll(async () => {
    stack = await startTestStack("sqlite");
    headers = await stack.callers(ROLE_KEYS);
  });
  afterAll(() => stack?.stop());

  const send = async ({ body, caller }: FuzzRequest): Promise<Outcome> => {
    const response = await fetch(stack.url, { method: "POST", headers: { "content-type": "application/json", ...headers[caller] }, body });
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) };
    } catch {
      return { status: response.status, body: text };
    }
  };

  it(`answers ${RUNS} generated requests with no 5xx and no INTERNAL_SERVER_ERROR, and stays up`, { timeout: Math.max(120_000, RUNS * 200) }, async () => {
    const schema = buildSchema(readFileSync(join(projectRoot(), "gateway", "api-schema.graphql"), "utf8"));
    const statuses = new Map<number, number>();
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(requestArbitrary(schema), async (request) => {
        const outcome = await send(request);
        statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
        const failure = failureOf(outcome);
        if (failure) throw new Error(`${failure}\nrequest (${request.caller}): ${request.body.slice(0, 2000)}`);
      }),
      { numRuns: RUNS, seed: SEED, path: process.env.FUZZ_PATH, endOnFailure: true },
    );
    // Not an assertion on time (tests never assert wall-clock): printed so the cost is known.
    console.log(`fuzz: ${RUNS} requests in ${((Date.now() - started) / 1000).toFixed(1)} s; HTTP statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    // Both kinds were exercised: valid requests that ran and invalid ones refused.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(RUNS / 10);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(RUNS / 100);
    const ready = await fetch(stack.url.replace(/\/graphql$/, "/readyz"));
    expect(ready.status).toBe(200);
  });

  /** Whole HTTP requests that are wrong at the HTTP level: methods, headers, bodies, nesting. */
  const deep = (depth: number) => `{"query":"{ __typename }","variables":{"v":${"[".repeat(depth)}${"]".repeat(depth)}}}`;
  const httpRequest = fc.record({
    method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"),
    authorization: fc.constantFrom(undefined, "Token abc", "Bearer", "Bearer ", "enl_000000000000_x", "Basic Zm9vOmJhcg==", "Bearer enl_zzz", "bearer  "),
    contentType: fc.constantFrom("application/json", "text/plain", "application/json; charset=latin1", "multipart/form-data", undefined),
    body: fc.oneof(
      fc.constantFrom('{"query":"{ __typename }"}', "{", "[]", "null", '{"query":1}', '{"query":"{ countries { code } }","variables":"x"}', deep(50), deep(5_000), deep(20_000)),
      fc.string({ maxLength: 200 }),
      fc.integer({ min: 1, max: 2_000 }).map((n) => `{"query":"{ __typename }","variables":{"t":"${"x".repeat(n * 50)}"}}`),
    ),
  });

  it(`answers ${Math.ceil(RUNS / 4)} malformed HTTP requests (methods, Authorization, content types, bodies, nesting) with a 4xx or a harmless answer`, { timeout: 120_000 }, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(httpRequest, async (r) => {
        const hasBody = r.method !== "GET" && r.method !== "HEAD";
        const response = await fetch(stack.url, {
          method: r.method,
          headers: { ...(r.authorization !== undefined && { authorization: r.authorization }), ...(r.contentType && { "content-type": r.contentType }), accept: "application/json" },
          ...(hasBody && { body: r.body }),
        });
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500) throw new Error(`HTTP ${response.status} for ${r.method} ${JSON.stringify(r.authorization)} ${r.contentType}: ${text.slice(0, 300)}`);
        if (["PUT", "PATCH", "DELETE"].includes(r.method)) expect(response.status).toBe(405);
        if (r.authorization !== undefined && !/^Bearer\s+\S+\s*$/i.test(r.authorization) && r.method !== "OPTIONS" && !["PUT", "PATCH", "DELETE"].includes(r.method)) expect(response.status).toBe(401);
      }),
      { numRuns: Math.ceil(RUNS / 4), seed: SEED, endOnFailure: true },
    );
    console.log(`fuzz (HTTP): statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect((await fetch(stack.url.replace(/\/graphql$/, "/readyz"))).status).toBe(200);
  });
});
