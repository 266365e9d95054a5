import type { Request, RequestHandler, Response, Router } from "express";
import { CountryTableRowsDocument, SubmitCountryTableDocument, type CountryTableRowInput, type SubmitCountryTableMutation } from "../../../operations/generated/graphql";
import { log } from "../../../platform/src/log";
import { Api } from "../api/graphql";
import { dateInWords, hoursInWords } from "../format/office";
import type { PageDeps } from "../http/page";
import { pageContext } from "../http/page";
import { gqlLang, type Lang } from "../i18n";
import { sameOrigin, sameToken } from "../session/checks";
import type { KeyCheck } from "../session/viewer";
import type { Office } from "./columns";
import { readTableCsv, tableCsv } from "./table-csv";
import type { ReadTable } from "./table-rows";
import { readWorkbook, tableWorkbook, WorkbookRefused } from "./workbook";

/** The largest table file taken (TABLE_MAX_MB, default 5): a member state's table is under 100 kB. */
export const maxTableFileBytes = (env = process.env): number => Math.max(1, Number(env.TABLE_MAX_MB) || 5) * 1024 * 1024;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface Caller {
  role: string;
  country: string | null;
  key: string;
}

const fail = (res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}) => {
  res.status(status).setHeader("cache-control", "private, no-store");
  res.json({ error: { code, message, ...extra } });
};

/**
 * Who asks for a table: `Authorization: Bearer <key>` (throttled like every key, a bad one
 * 401), else the signed-in session (a POST must come from this site with the session's
 * token in `x-csrf-token`). Undefined when the answer has been sent.
 */
async function caller(req: Request, res: Response, deps: PageDeps, keys: KeyCheck): Promise<Caller | undefined> {
  const header = req.headers.authorization;
  if (header) {
    const key = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const checked = key ? await keys.authenticateFrom(key, req.socket.remoteAddress ?? "?") : { identity: null, retryAfterSeconds: 0 };
    if (checked.retryAfterSeconds > 0) {
      res.setHeader("retry-after", String(checked.retryAfterSeconds));
      fail(res, 429, "TOO_MANY_REQUESTS", `too many failed keys; try again in ${checked.retryAfterSeconds} s`);
      return undefined;
    }
    if (!key || !checked.identity) {
      fail(res, 401, "UNAUTHENTICATED", "the key is not valid (Authorization: Bearer <key>)");
      return undefined;
    }
    return { role: checked.identity.role, country: checked.identity.country ?? null, key };
  }
  const { viewer, key } = await deps.viewerOf(req, res);
  if (viewer.role === "PUBLIC" || !key) {
    if (req.method === "GET" && req.accepts(["html", "json"]) === "html") res.redirect(303, `/signin?next=${encodeURIComponent(req.originalUrl)}`);
    else fail(res, 401, "UNAUTHENTICATED", "sign in, or send an API key (Authorization: Bearer <key>)");
    return undefined;
  }
  if (req.method !== "GET" && (!sameOrigin(req) || !sameToken(String(req.headers["x-csrf-token"] ?? ""), viewer.csrf))) {
    fail(res, 403, "CSRF", "a table sent with a session must come from this site with the session's token (x-csrf-token)");
    return undefined;
  }
  return { role: viewer.role, country: viewer.country ?? null, key };
}

/** An OFFICIAL of that country or the SECRETARIAT; anyone else 403, saying which key the table needs. */
function allowed(res: Response, who: Caller, country: string): boolean {
  if (who.role === "SECRETARIAT" || (who.role === "OFFICIAL" && who.country === country)) return true;
  fail(
    res,
    403,
    "FORBIDDEN",
    who.role === "OFFICIAL"
      ? `an official of ${who.country} keeps the table of ${who.country}, not of ${country}`
      : `the table of ${country} is for its officials and the secretariat; you are ${who.role}`,
  );
  return false;
}

/** The offices of a host country, every page of them, with the caller's key. */
export async function hostedOffices(api: Api, country: string, lang: Lang): Promise<{ offices: Office[]; procedures: Map<string, string> }> {
  const offices: Office[] = [];
  let after: string | null | undefined;
  let procedures = new Map<string, string>();
  do {
    const answer = await api.run(CountryTableRowsDocument, { host: [country], first: 100, after, lang: gqlLang(lang) }, { lang });
    if (!answer.data) throw new Error(answer.errors[0]?.message ?? "the directory did not answer");
    offices.push(...answer.data.representations.nodes);
    procedures = new Map(answer.data.procedures.map((p) => [p.code as string, p.label]));
    after = answer.data.representations.pageInfo.hasNextPage ? answer.data.representations.pageInfo.endCursor : null;
  } while (after);
  return { offices, procedures };
}

/** The body, refused past `max` bytes (by Content-Length at once, else as it arrives). */
export function readBody(req: Request, max: number): Promise<Buffer | "too-large"> {
  if (Number(req.headers["content-length"]) > max) return Promise.resolve("too-large");
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners("data");
        req.resume();
        resolve("too-large");
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(size > max ? "too-large" : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

type Diff = NonNullable<SubmitCountryTableMutation["submitCountryTable"]>["diff"];
const parse = (json: string | null | undefined) => (json === null || json === undefined ? null : (JSON.parse(json) as unknown));

/** The API's report as the import's: changes as { field: [old, new] }, opening hours with their words. */
export function reportJson(diff: Diff, lang: Lang) {
  return {
    created: diff.created,
    changed: diff.changed.map((c) => ({
      row: c.row,
      id: c.id,
      changes: Object.fromEntries(c.changes.map((f) => [f.field, [parse(f.old), parse(f.new)]])),
      ...(c.changes.some((f) => f.field === "opening_hours") ? { openingHoursInWords: hoursInWords(parse(c.changes.find((f) => f.field === "opening_hours")?.new) as string, lang) } : {}),
    })),
    unchanged: diff.unchanged,
    rejected: diff.rejected,
  };
}

/** A filled table → the API's rows; a refused file → its error sent. */
export async function readTableFile(bytes: Buffer, ext: "xlsx" | "csv", name: string): Promise<ReadTable> {
  return ext === "xlsx" ? readWorkbook(bytes) : readTableCsv(bytes, name);
}

/** Sends the rows to the API with the caller's key: the report, or the API's refusal. */
export async function submitRows(api: Api, country: string, rows: CountryTableRowInput[], dryRun: boolean, fileName: string, lang: Lang) {
  return api.run(SubmitCountryTableDocument, { country, rows, dryRun, fileName }, { lang });
}

const FILE = /^([A-Za-z]{2})\.(xlsx|csv)$/;

/**
 * GET and POST /country-tables/<CC>.xlsx and .csv (issue 21): a host country's table to fill
 * in, and the filled table sent back (`?dryRun=1` to preview). docs/web.md, "Countries' tables".
 */
export function mountCountryTableFiles(router: Router, deps: PageDeps, keys: KeyCheck): void {
  const handler: RequestHandler = async (req, res, next) => {
    try {
      const match = FILE.exec(String(req.params.file));
      if (!match) return fail(res, 404, "NOT_FOUND", "ask for /country-tables/<CC>.xlsx or .csv, e.g. /country-tables/GT.xlsx");
      const country = match[1].toUpperCase();
      const ext = match[2] as "xlsx" | "csv";
      const who = await caller(req, res, deps, keys);
      if (!who || !allowed(res, who, country)) return;
      const { lang } = pageContext(req, { role: who.role });
      const api = Api.forRequest(req, who.key);
      if (req.method === "GET") {
        const { offices, procedures } = await hostedOffices(api, country, lang);
        if (!offices.length) return fail(res, 404, "NOT_FOUND", `${country} hosts no office in the directory, or is not a country of the directory`);
        const day = new Date().toISOString().slice(0, 10);
        res.setHeader("cache-control", "private, no-store");
        res.setHeader("content-disposition", `attachment; filename="enlace-table-${country}-${day}.${ext}"`);
        if (ext === "csv") {
          res.setHeader("content-type", "text/csv; charset=utf-8");
          return void res.end(tableCsv(offices));
        }
        res.setHeader("content-type", XLSX);
        const title = `Enlace — ${country}, ${dateInWords(day, lang)}`;
        return void res.end(await tableWorkbook(offices, pageContext(req, { role: who.role }).t, title, procedures));
      }
      const max = maxTableFileBytes();
      const body = await readBody(req, max);
      if (body === "too-large") return fail(res, 413, "FILE_TOO_LARGE", `the file is larger than ${max / 1048576} MB; a country's table is under 1 MB: send the table as downloaded`);
      let table: ReadTable;
      try {
        table = await readTableFile(body, ext, `${country}.${ext}`);
      } catch (error) {
        if (error instanceof WorkbookRefused) return fail(res, 422, error.code, error.message, error.where ?? {});
        if (error instanceof Error && error.name === "TableFileError") return fail(res, 422, "NOT_A_TABLE", error.message);
        throw error;
      }
      const dryRun = ["1", "true", "yes"].includes(String(req.query.dryRun ?? "").toLowerCase());
      if (table.problems.length) return res.status(422).json({ dryRun, recorded: false, submissionId: null, diff: { created: [], changed: [], unchanged: [], rejected: table.problems } });
      const fileName = String(req.headers["x-file-name"] ?? `${country}.${ext}`).slice(0, 200);
      const answer = await submitRows(api, country, table.rows, dryRun, fileName, lang);
      const report = answer.data?.submitCountryTable;
      if (!report) {
        const error = answer.errors[0];
        const code = String(error?.extensions?.code ?? "BAD_REQUEST");
        return fail(
          res,
          code === "FORBIDDEN" ? 403 : code === "UNAUTHENTICATED" ? 401 : 400,
          code,
          error?.message ?? "the directory did not take the table",
          error?.extensions?.field ? { field: error.extensions.field } : {},
        );
      }
      log("info", "web.country_table", { country, dryRun, recorded: report.recorded, rows: table.rows.length, rejected: report.diff.rejected.length });
      res.status(report.diff.rejected.length ? 422 : 200).setHeader("cache-control", "private, no-store");
      res.json({ dryRun: report.dryRun, recorded: report.recorded, submissionId: report.submission?.id ?? null, status: report.submission?.status ?? null, diff: reportJson(report.diff, lang) });
    } catch (error) {
      next(error);
    }
  };
  router.get("/country-tables/:file", handler);
  router.post("/country-tables/:file", handler);
}
