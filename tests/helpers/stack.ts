import { PUBLIC_IDENTITY, signIdentity, type Identity } from "../../platform/src/identity";
import type { NewKeyInput } from "../../gateway/src/auth/key-store";
import { SUBGRAPHS } from "../../subgraphs";
import { startStack, type Stack, type StackOptions } from "../../stack/start";
import { createTestDatabases, type DatabaseKind } from "./databases";

export interface GraphQLResponse<T = any> {
  status: number;
  headers: Headers;
  body: { data?: T; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[] };
}

export interface TestStack extends Stack {
  /** POSTs an operation to the gateway. */
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /**
   * POSTs an operation to one subgraph directly, bypassing the gateway, with an identity
   * signed as the gateway would (PUBLIC unless given); `identity: null` sends none.
   */
  querySubgraph<T = any>(subgraph: string, query: string, variables?: Record<string, unknown>, options?: { identity?: Identity | null; headers?: Record<string, string> }): Promise<GraphQLResponse<T>>;
  /** Creates one API key per entry and returns the headers to call as each ("public": no key). */
  callers(keys: Record<string, NewKeyInput>): Promise<Record<string, Record<string, string>>>;
  /** SQL statements run by all subgraphs since the last reset. */
  statements(): number;
  resetStatements(): void;
}

async function post(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() } as GraphQLResponse;
}

/** One key of each role, as most tests call: `stack.callers(ROLE_KEYS)`. */
export const ROLE_KEYS: Record<string, NewKeyInput> = {
  secretariat: { role: "SECRETARIAT", label: "ST" },
  official: { role: "OFFICIAL", country: "CR", label: "DGME" },
  partner: { role: "PARTNER", conference: "CSM", label: "CSM" },
};

/** The real stack (every subgraph, the gateway) on port 0 with fresh, seeded databases. */
export async function startTestStack(kind: DatabaseKind, options: Partial<StackOptions> = {}): Promise<TestStack> {
  const databases = await createTestDatabases(kind, [...SUBGRAPHS.map((m) => m.name), "gateway"]);
  let stack: Stack;
  try {
    stack = await startStack({ database: databases.config, ...options });
  } catch (error) {
    await databases.drop();
    throw error;
  }
  const counters = () => Object.values(stack.subgraphs).map((s) => s.dataSource.statements);
  return {
    ...stack,
    query: (query, variables, headers) => post(stack.url, query, variables, headers),
    querySubgraph: (name, query, variables, options = {}) => {
      const identity = options.identity === undefined ? PUBLIC_IDENTITY : options.identity;
      const signed = identity ? signIdentity(identity, stack.identitySecret) : {};
      return post(stack.subgraphs[name].url, query, variables, { ...signed, ...options.headers });
    },
    callers: async (keys) => {
      const headers: Record<string, Record<string, string>> = { public: {} };
      for (const [name, input] of Object.entries(keys)) headers[name] = { authorization: `Bearer ${(await stack.keys.create(input)).key}` };
      return headers;
    },
    statements: () => counters().reduce((sum, c) => sum + c.count, 0),
    resetStatements: () => counters().forEach((c) => c.reset()),
    stop: async () => {
      await stack.stop();
      await databases.drop();
    },
  };
}
