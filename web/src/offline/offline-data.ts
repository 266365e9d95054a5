import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Request, RequestHandler } from "express";
import { OfflineCountriesDocument, OfflineSnapshotDocument, type OfflineSnapshotQuery } from "../../../operations/generated/graphql";
import { projectRoot } from "../../../platform/src/paths";
import { strongEtag } from "../../../platform/src/response-store";
import { Api, ApiUnavailable } from "../api/graphql";
import { CATALOGS, gqlLang, pageLang, type Lang } from "../i18n";

type Office = OfflineSnapshotQuery["representations"]["nodes"][number];

/** The message keys the offline answer page uses (site's, lookup's, an office's words). */
const MESSAGE_PREFIXES = ["site.", "nav.", "lookup.", "office.", "status.", "caveat.", "phone.", "staleness.", "placeKind.", "offline.", "kind."];

/** One office as the phone keeps it: what rank-core.ts ranks on, and what the answer card shows. */
const compact = (o: Office) => [
  o.id,
  o.name,
  o.kind,
  o.kindLabel,
  o.city ?? null,
  o.status,
  o.caveats,
  o.sendingCountry.code,
  o.hostCountry.code,
  o.coordinates?.latitude ?? null,
  o.coordinates?.longitude ?? null,
  o.coordinates?.precision ?? null,
  Object.fromEntries(o.jurisdiction.map((j) => [j.country.code, j.basis])),
  o.procedures.map((p) => p.procedure.code),
  o.phones.map((p) => [p.e164 ?? null, p.raw, p.label ?? null]),
  o.emails,
  o.website ?? null,
  o.openingHours ?? null,
  o.provenance.lastVerifiedOn ?? null,
];

/**
 * Everything the lookup answers from without a network, in the page's language: every
 * office not closed (as above), country names, the region's place index and the words of
 * the answer page; with the directory revision and the day it was read. Built through the
 * API like any client (pages of 100), kept gzipped per revision and language.
 */
async function build(api: Api, lang: Lang): Promise<{ revision: string; body: Buffer }> {
  const offices: Office[] = [];
  let after: string | undefined;
  let revision = "";
  for (let page = 0; page < 1000; page++) {
    const answer = await api.run(OfflineSnapshotDocument, { first: 100, after, lang: gqlLang(lang) }, { lang });
    if (!answer.data) throw new ApiUnavailable(answer.errors[0]?.message ?? "no data", 503);
    revision ||= answer.data.directoryRevision;
    offices.push(...answer.data.representations.nodes);
    if (!answer.data.representations.pageInfo.hasNextPage) break;
    after = answer.data.representations.pageInfo.endCursor ?? undefined;
  }
  const rest = await api.run(OfflineCountriesDocument, { lang: gqlLang(lang) }, { lang });
  if (!rest.data) throw new ApiUnavailable(rest.errors[0]?.message ?? "no data", 503);
  const catalog = CATALOGS[lang];
  const messages = Object.fromEntries(Object.entries(catalog).filter(([key]) => MESSAGE_PREFIXES.some((p) => key.startsWith(p))));
  const index = JSON.parse(rest.data.offlinePlaceIndex) as { places: unknown[]; divisions?: [string, string, string, Record<Lang, string>, string[]][] };
  const json = JSON.stringify({
    format: 1,
    revision,
    readOn: new Date().toISOString().slice(0, 10),
    lang,
    messages,
    countries: Object.fromEntries(rest.data.countries.map((c) => [c.code, [c.name, c.metMostInRegion]])),
    offices: offices.filter((o) => o.status !== "CLOSED").map(compact),
    places: index.places,
    // Divisions with their name in the page's language: [country, admin1, ISO code, name, [folded keys]].
    divisions: (index.divisions ?? []).map(([country, admin1, iso, names, keys]) => [country, admin1, iso, names[lang], keys]),
  });
  return { revision, body: gzipSync(json, { level: 9 }) };
}

/** GET /offline/data.json?lang=: the offline data (above), gzipped, with an ETag by revision; rebuilt when the directory changes. */
export function offlineDataHandler(revisionOf: () => Promise<string>): RequestHandler {
  const kept = new Map<Lang, { revision: string; body: Buffer; etag: string }>();
  const building = new Map<Lang, Promise<void>>();
  return async (req: Request, res, next) => {
    try {
      const { lang } = pageLang(req.query.lang, req.headers["accept-language"]);
      const current = await revisionOf();
      if (kept.get(lang)?.revision !== current) {
        let pending = building.get(lang);
        if (!pending) {
          pending = build(Api.forRequest(req), lang)
            .then((built) => void kept.set(lang, { ...built, etag: strongEtag(built.body) }))
            .finally(() => building.delete(lang));
          building.set(lang, pending);
        }
        await pending;
      }
      const entry = kept.get(lang);
      if (!entry) throw new ApiUnavailable("offline data not built", 503);
      res.setHeader("cache-control", "public, max-age=300");
      res.setHeader("etag", entry.etag);
      res.setHeader("vary", "Accept-Encoding");
      res.setHeader("content-type", "application/json; charset=utf-8");
      if (req.headers["if-none-match"] === entry.etag) return void res.status(304).end();
      if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
        res.setHeader("content-encoding", "gzip");
        return void res.end(entry.body);
      }
      res.end(gunzipSync(entry.body));
    } catch (error) {
      if (!(error instanceof ApiUnavailable)) return next(error);
      res.status(503).setHeader("cache-control", "no-store");
      res.type("text/plain").send("The directory is unavailable right now; the offline data is not refreshed.\n");
    }
  };
}

/** The ranking module of the nearest search, compiled (dist/): the service worker runs the file the subgraph runs. */
export const rankCoreHandler: RequestHandler = (_req, res) => {
  const body = readFileSync(join(projectRoot(), "dist", "subgraphs", "directory", "src", "nearest", "rank-core.js"));
  res.setHeader("content-type", "text/javascript; charset=utf-8");
  res.setHeader("cache-control", "public, max-age=300");
  res.end(body);
};

/** GET /sw.js: the lookup's service worker (web/assets/sw.js), at the root so that it controls /lookup. */
export const serviceWorkerHandler: RequestHandler = (_req, res) => {
  res.setHeader("content-type", "text/javascript; charset=utf-8");
  res.setHeader("cache-control", "no-cache");
  res.setHeader("service-worker-allowed", "/");
  res.end(readFileSync(join(projectRoot(), "web", "assets", "sw.js")));
};

/** GET /manifest.webmanifest: the lookup, installable on a phone's home screen. */
export function manifestHandler(): RequestHandler {
  return (req, res) => {
    const { lang } = pageLang(req.query.lang, req.headers["accept-language"]);
    const t = CATALOGS[lang];
    res.setHeader("content-type", "application/manifest+json; charset=utf-8");
    res.setHeader("cache-control", "public, max-age=3600");
    res.end(
      JSON.stringify({
        name: t["site.name"],
        short_name: "Enlace",
        description: t["lookup.intro"],
        lang,
        start_url: `/lookup?lang=${lang}`,
        scope: "/",
        display: "standalone",
        background_color: "#ffffff",
        theme_color: "#0b4f8a",
        icons: [{ src: "/assets/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
      }),
    );
  };
}
