/** How public answers are cached; from the environment (docs/operations.md, "Configuration"). */
export interface CacheConfig {
  /** Keep public answers' bytes in the gateway (GATEWAY_RESPONSE_CACHE=0: no, headers only). */
  enabled: boolean;
  maxBytes: number;
  /** Cache-Control max-age, and how long the gateway keeps an answer. */
  maxAgeSeconds: number;
  staleWhileRevalidateSeconds: number;
  /** Reuse a revision read started at most this long ago (0: read for every request asked before). */
  revisionMaxAgeMs: number;
}

const number = (value: string | undefined, fallback: number) => (value !== undefined && value !== "" && Number.isFinite(Number(value)) ? Number(value) : fallback);

export function cacheConfigFromEnv(env = process.env): CacheConfig {
  return {
    enabled: env.GATEWAY_RESPONSE_CACHE !== "0",
    maxBytes: number(env.GATEWAY_RESPONSE_CACHE_MB, 64) * 1024 * 1024,
    maxAgeSeconds: number(env.GATEWAY_CACHE_MAX_AGE, 60),
    staleWhileRevalidateSeconds: number(env.GATEWAY_CACHE_STALE_WHILE_REVALIDATE, 300),
    revisionMaxAgeMs: number(env.GATEWAY_REVISION_MAX_AGE_MS, 0),
  };
}
