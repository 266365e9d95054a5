import { gzipSync } from "node:zlib";
import type { Request, RequestHandler } from "express";
import { stringify } from "csv-stringify/sync";
import { OpenDataPageDocument, type OpenDataPageQuery } from "../../../operations/generated/graphql";
import { Api, ApiUnavailable } from "../api/graphql";
import { directoryQuery, filterOf } from "../pages/directory";
import { gqlLang, pageLang } from "../i18n";
import { strongEtag } from "../../../platform/src/response-store";
import { fieldSourcesCell } from "../../../platform/src/files/field-sources-cell";
import { neutralizeCell } from "../../../platform/src/contact-card/csv";

type Row = OpenDataPageQuery["representations"]["nodes"][number];

/** What the files say of their licence and sources (also on the /open-data page). */
export const LICENCE = {
  licence: "CC0-1.0 for the compilation; the values come from Wikidata (CC0 1.0) and from the pages each row cites in `sources` (facts only)",
  licenceUrl: "https://creativecommons.org/publicdomain/zero/1.0/",
  attribution: "Enlace — directory of the origin countries' embassies and consulates in the CRM region",
  sourcesNote:
    "Each value (phone, e-mail, address, website, hours, status, caveat, confirmed procedure) has its own source in field_sources: the URL, the source's date, when it was read and the exact excerpt that states it. Each row also lists its sources (URLs) and their date; offices' city positions where no source gave one come from GeoNames (CC BY 4.0).",
};

export const CSV_COLUMNS = [
  "id",
  "name",
  "kind",
  "status",
  "sending_country",
  "host_country",
  "concurrent_accreditation",
  "city",
  "address",
  "latitude",
  "longitude",
  "position_precision",
  "phones",
  "emails",
  "website",
  "opening_hours",
  "languages",
  "procedures_confirmed",
  "procedures_typical_for_kind",
  "caveats",
  "field_sources",
  "sources",
  "source_date",
  "last_verified_on",
] as const;

const csvRow = (o: Row) => [
  o.id,
  o.name,
  o.kind,
  o.status,
  o.sendingCountry.code,
  o.hostCountry.code,
  o.jurisdiction
    .filter((j) => j.basis === "CONCURRENT_ACCREDITATION")
    .map((j) => j.country.code)
    .join(" "),
  o.city ?? "",
  o.address ?? "",
  o.coordinates?.latitude ?? "",
  o.coordinates?.longitude ?? "",
  o.coordinates?.precision ?? "",
  o.phones.map((p) => p.e164 ?? p.raw).join(" | "),
  o.emails.join(" | "),
  o.website ?? "",
  o.openingHours ?? "",
  o.languages.join(" "),
  o.procedures
    .filter((p) => p.basis === "CONFIRMED")
    .map((p) => p.procedure.code)
    .join(" "),
  o.procedures
    .filter((p) => p.basis !== "CONFIRMED")
    .map((p) => p.procedure.code)
    .join(" "),
  o.caveats.join(" "),
  // The import's field_sources cell: a JSON array, one source per value.
  fieldSourcesCell(o.fieldSources),
  o.provenance.sources.join(" | "),
  o.provenance.sourceDate ?? "",
  o.provenance.lastVerifiedOn ?? "",
];

/** Every office the filter selects, a page of 100 at a time through the API. */
export async function fetchAll(api: Api, req: Request): Promise<{ revision: string; rows: Row[] }> {
  const { lang } = pageLang(req.query.lang, req.headers["accept-language"]);
  const filter = filterOf(directoryQuery(req.query));
  const rows: Row[] = [];
  let after: string | undefined;
  let revision = "";
  for (let page = 0; page < 10_000; page++) {
    const answer = await api.run(OpenDataPageDocument, { filter, first: 100, after, lang: gqlLang(lang) }, { lang });
    if (!answer.data) throw new Error(answer.errors[0]?.message ?? "the directory did not answer");
    revision ||= answer.data.directoryRevision;
    rows.push(...answer.data.representations.nodes);
    if (!answer.data.representations.pageInfo.hasNextPage) break;
    after = answer.data.representations.pageInfo.endCursor ?? undefined;
  }
  return { revision, rows };
}

/**
 * GET /directory.csv and /directory.json: the directory (or the filtered part of it) as
 * open data at stable URLs. Public, cacheable (ETag, 304); the CSV starts with a UTF-8 BOM
 * so spreadsheet programs read the accents right.
 */
export function openDataHandler(format: "csv" | "json", cacheControl: string): RequestHandler {
  return async (req, res, next) => {
    try {
      const { revision, rows } = await fetchAll(Api.forRequest(req), req);
      let body: Buffer;
      if (format === "csv") {
        // Every text cell neutralised: one a spreadsheet would run (=, +, -, @) starts with an apostrophe.
        const safe = (row: ReturnType<typeof csvRow>) => row.map((cell) => (typeof cell === "string" ? neutralizeCell(cell) : cell));
        body = Buffer.from(`\uFEFF${stringify([[...CSV_COLUMNS], ...rows.map((o) => safe(csvRow(o)))], { record_delimiter: "\r\n" })}`);
        res.setHeader("content-type", "text/csv; charset=utf-8");
        res.setHeader("content-disposition", 'attachment; filename="enlace-directory.csv"');
      } else {
        body = Buffer.from(JSON.stringify({ ...LICENCE, directoryRevision: revision, count: rows.length, offices: rows }, null, 1));
        res.setHeader("content-type", "application/json; charset=utf-8");
      }
      const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
      const etag = gzip ? strongEtag(body).replace(/"$/, '-gz"') : strongEtag(body); // one strong ETag per representation
      res.setHeader("cache-control", cacheControl);
      res.setHeader("etag", etag);
      res.setHeader("vary", "Accept-Language, Accept-Encoding");
      res.setHeader("link", `<${LICENCE.licenceUrl}>; rel="license"`);
      res.setHeader("access-control-allow-origin", "*"); // open data: any site may read it
      if (req.headers["if-none-match"]?.split(/\s*,\s*/).includes(etag)) return void res.status(304).end();
      // The whole directory is about 360 kB of CSV; gzipped about a tenth.
      if (gzip) {
        res.setHeader("content-encoding", "gzip");
        return void res.end(gzipSync(body));
      }
      res.end(body);
    } catch (error) {
      if (!(error instanceof ApiUnavailable)) return next(error);
      // The directory down: a 503 nobody keeps (never a half file, never a cached error).
      res.status(503).setHeader("cache-control", "no-store");
      res.setHeader("retry-after", "30");
      res.type("text/plain").send(`The directory is unavailable right now (${error.code ?? error.status}); try again in a minute.\n`);
    }
  };
}
