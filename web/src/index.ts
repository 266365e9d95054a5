import express, { type Router } from "express";
import type { KeyCheck, PageCacheSettings, RevisionSource } from "./ports";
import { ResponseStore } from "../../platform/src/response-store";
import { PUBLIC_VIEWER } from "./components/layout";
import { webConfigFromEnv } from "./config";
import { mountAssets } from "./http/assets";
import { notFound, page, type PageDeps, type ViewerOf } from "./http/page";
import type { WebConfig } from "./http/respond";
import { openDataHandler } from "./open-data/export";
import { mountCountryTableFiles } from "./country-tables/routes";
import { manifestHandler, offlineDataHandler, rankCoreHandler, serviceWorkerHandler } from "./offline/offline-data";
import { directoryPage } from "./pages/directory";
import { embedPage } from "./pages/embed";
import { lookupPage } from "./pages/lookup";
import { officePage, type OfficeSection } from "./pages/office";
import { openDataPage } from "./pages/open-data";
import { confirmSection } from "./pages/confirm-details";
import { preloadRegionMaps } from "./map/region-map";
import { KeySealer, mountSessionPages, reportSection, SessionStore, sessionViewerOf, type SessionLimits } from "./session";

export interface WebOptions {
  /** The directory revision the gateway's public cache reads: public pages are kept by it. */
  revision: RevisionSource;
  /** The public cache's settings, shared with the API. */
  cache: PageCacheSettings;
  config?: WebConfig;
  viewerOf?: ViewerOf;
  /** API keys: a key pasted at sign-in becomes a session (web/src/session/). */
  keys?: KeyCheck;
  /** Sessions' idle expiry, lifetime and cap per key (web/src/session/session-store.ts). */
  sessions?: SessionLimits;
  /** Seals the keys kept with sessions; every gateway of a deployment shares it (IDENTITY_SECRET). */
  sessionSecret?: string;
}

export interface Web {
  router: Router;
  /** Rendered public pages (undefined when the public cache is off). */
  store: ResponseStore | undefined;
}

/**
 * The web pages (docs/web.md), served by the gateway at `/`: the directory, an
 * office's page, the embeddable directory, open data. Every page is rendered on the server
 * from the typed operations in operations/, asked of the gateway's own /graphql.
 */
export function createWeb(options: WebOptions): Web {
  const cache = options.cache;
  const config = options.config ?? webConfigFromEnv(cache);
  const store = cache.enabled ? new ResponseStore(Math.max(8 * 1024 * 1024, cache.maxBytes / 4), cache.maxAgeSeconds * 1000) : undefined;
  // Sessions in the gateway's database: a restart or a second gateway keeps them.
  const sessions = options.keys ? new SessionStore(options.keys.sessions(), new KeySealer(options.sessionSecret), options.sessions) : undefined;
  const viewerOf = options.viewerOf ?? (sessions && options.keys ? sessionViewerOf(sessions, options.keys, config.secureCookies) : async () => ({ viewer: PUBLIC_VIEWER }));
  const deps: PageDeps = { config, revision: options.revision, viewerOf, store };
  const officeSections: OfficeSection[] = [confirmSection, reportSection];
  preloadRegionMaps(); // the atlas once, at start (50-90 ms measured), not on a visitor's first office page
  const router = express.Router();
  mountAssets(router);
  router.get("/", page(deps, directoryPage));
  // The pages /embed links to may be framed by the same origins (WEB_FRAME_ORIGINS): a click in the frame stays in it.
  const framed = { frameAncestors: config.frameOrigins };
  router.get(
    "/offices/:id",
    page(deps, (ctx, api, req) => officePage(ctx, api, req, officeSections), framed),
  );
  router.get("/lookup", page(deps, lookupPage, framed));
  router.get("/embed", page(deps, embedPage, { frameAncestors: config.frameOrigins }));
  router.get("/open-data", page(deps, openDataPage));
  // The lookup without a network (web/src/offline/, web/assets/sw.js).
  router.get("/sw.js", serviceWorkerHandler);
  router.get("/manifest.webmanifest", manifestHandler());
  router.get("/offline/rank-core.js", rankCoreHandler);
  router.get(
    "/offline/data.json",
    offlineDataHandler(() => options.revision.current()),
  );
  router.get("/directory.csv", openDataHandler("csv", config.publicCacheControl));
  router.get("/directory.json", openDataHandler("json", config.publicCacheControl));
  if (sessions && options.keys) {
    mountSessionPages(router, deps, sessions, options.keys, officeSections);
    // A host country's table, to fill in and to send back (web/src/country-tables/).
    mountCountryTableFiles(router, deps, options.keys);
  }
  router.use(notFound(deps));
  return { router, store };
}
