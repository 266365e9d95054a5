import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import type { GraphQLError, ValidationContext, ValidationRule } from "graphql";
import { finiteNumbersRule, introspectionDepthRule, knownOperationTypesRule } from "./request-rules";

/**
 * What the gateway refuses before any subgraph is called. Numbers follow GraphQL Armor's
 * defaults (aliases 15, tokens 1000) except depth: Armor's 6 is below what the directory's
 * own example queries need (a list, its edges, a node, its offers, a procedure, a label
 * = 6, plus a jurisdiction's country name), so 10.
 */
export interface Limits {
  /** Request body without an API key, bytes (express/body-parser syntax). */
  bodySize: string;
  /** Request body with an API key: a partner's contact batch is larger than any query. */
  bodySizeWithKey: string;
  depth: number;
  /** Depth of `__schema` / `__type` selections, which `depth` leaves out: GraphiQL's introspection is 14. */
  introspectionDepth: number;
  aliases: number;
  tokens: number;
  /** The most objects and values one operation may return, by its lists' sizes (cost-rule.ts). */
  cost: number;
  /** The same for SECRETARIAT and PARTNER keys (feeds of 1,000 entries, batches of 5,000 rows). */
  costWithBatchKey: number;
  /** The largest answer sent, bytes: a bigger one is refused with RESPONSE_TOO_LARGE. */
  answerBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  bodySize: "100kb",
  bodySizeWithKey: "10mb",
  depth: 10,
  introspectionDepth: 15,
  aliases: 15,
  tokens: 1000,
  cost: 100_000,
  costWithBatchKey: 2_000_000,
  answerBytes: 8 * 1024 * 1024,
};

export function limitsFromEnv(env = process.env): Limits {
  const int = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === "") return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
    return n;
  };
  return {
    bodySize: env.GATEWAY_MAX_BODY ?? DEFAULT_LIMITS.bodySize,
    bodySizeWithKey: env.GATEWAY_MAX_BODY_WITH_KEY ?? DEFAULT_LIMITS.bodySizeWithKey,
    depth: int("GATEWAY_MAX_DEPTH", DEFAULT_LIMITS.depth),
    introspectionDepth: int("GATEWAY_MAX_INTROSPECTION_DEPTH", DEFAULT_LIMITS.introspectionDepth),
    aliases: int("GATEWAY_MAX_ALIASES", DEFAULT_LIMITS.aliases),
    tokens: int("GATEWAY_MAX_TOKENS", DEFAULT_LIMITS.tokens),
    cost: int("GATEWAY_MAX_COST", DEFAULT_LIMITS.cost),
    costWithBatchKey: int("GATEWAY_MAX_COST_WITH_KEY", DEFAULT_LIMITS.costWithBatchKey),
    answerBytes: int("GATEWAY_MAX_ANSWER_MB", DEFAULT_LIMITS.answerBytes / 1024 / 1024) * 1024 * 1024,
  };
}

/**
 * Armor's rules throw by default, which Apollo Server reports as an internal error (500).
 * Reporting through the validation context instead gives the client a 400 with
 * GRAPHQL_VALIDATION_FAILED and the limit in the message.
 */
const reportInstead = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

export function limitRules(limits: Limits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.depth, ...reportInstead }) as unknown as ValidationRule,
    maxAliasesRule({ n: limits.aliases, ...reportInstead }) as unknown as ValidationRule,
    introspectionDepthRule(limits.introspectionDepth),
    knownOperationTypesRule,
    finiteNumbersRule,
  ];
}
