import type { Identity } from "../../platform/src/identity";
import type { SessionBackend } from "../../platform/src/sessions";

/**
 * What the pages need from the rest of the stack, declared here so that web/ imports no
 * gateway code: stack/pages.ts hands the gateway's key store and directory revision in.
 */

/** The API keys: checked on every page, throttled on sign-in, and where sessions are kept. */
export interface KeyCheck {
  authenticate(key: string): Promise<Identity | null>;
  authenticateFrom(key: string, address: string): Promise<{ identity: Identity | null; retryAfterSeconds: number }>;
  throttle: { signIn(address: string): Promise<number> };
  sessions(): SessionBackend;
}

/** The directory's revision: public pages are kept by it. */
export interface RevisionSource {
  current(): Promise<string>;
}

/** The public cache's settings the pages share with the API (gateway/src/cache/cache-config.ts). */
export interface PageCacheSettings {
  enabled: boolean;
  maxBytes: number;
  maxAgeSeconds: number;
  staleWhileRevalidateSeconds: number;
}
