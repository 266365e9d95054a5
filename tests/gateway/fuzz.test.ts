import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { buildSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../gateway/src/paths";
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
});
