import type { PageCacheSettings } from "./ports";
import type { WebConfig } from "./http/respond";

const list = (value: string | undefined) => (value ?? "").split(/[\s,]+/).filter(Boolean);

/**
 * The web pages' settings (docs/web.md): WEB_FRAME_ORIGINS lists the origins that
 * may embed /embed in a frame (CSP frame-ancestors; none by default); WEB_SECURE_COOKIES=1
 * marks session cookies Secure (set it behind HTTPS; a request that arrived over HTTPS gets
 * them anyway). Public pages share the API's public Cache-Control.
 */
export function webConfigFromEnv(cache: PageCacheSettings, env = process.env): WebConfig {
  const origins = list(env.WEB_FRAME_ORIGINS);
  for (const origin of origins) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new Error(`WEB_FRAME_ORIGINS: "${origin}" is not an origin such as https://crmsv.org`);
    }
    if (url.origin !== origin.replace(/\/$/, "")) throw new Error(`WEB_FRAME_ORIGINS: "${origin}" must be an origin alone (scheme, host and port), e.g. ${url.origin}`);
  }
  return {
    frameOrigins: origins.map((o) => o.replace(/\/$/, "")),
    secureCookies: env.WEB_SECURE_COOKIES === "1",
    publicCacheControl: `public, max-age=${cache.maxAgeSeconds}, stale-while-revalidate=${cache.staleWhileRevalidateSeconds}`,
  };
}
