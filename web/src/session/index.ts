import type { Router } from "express";
import { page, type PageDeps } from "../http/page";
import { dataQualityPage } from "../pages/data-quality";
import { countryTablesCsv, countryTablesPage } from "../pages/country-tables";
import { myCorrectionsPage } from "../pages/my-corrections";
import type { OfficeSection } from "../pages/office";
import { submitReport } from "../pages/report-correction";
import { submitConfirmation } from "../pages/confirm-details";
import { decideCorrection, secretariatPage } from "../pages/secretariat";
import { decideSubmission, submissionPage, submissionsPage } from "../pages/country-table-submissions";
import { myCountryTablePage, sendMyCountryTable } from "../pages/my-country-table";
import { forRole, postedForm } from "./guard";
import { formBody, mountSignIn } from "./routes";
import type { SessionStore } from "./session-store";
import type { KeyCheck } from "./viewer";

export { reportSection } from "../pages/report-correction";
export { DEFAULT_SESSION_LIMITS, KeySealer, MemorySessions, SessionStore, type SessionLimits } from "./session-store";
export { sessionViewerOf } from "./viewer";

/**
 * The signed-in pages (docs/web.md): sign-in and sign-out; an official's report
 * form (on an office's page) and their reports; the secretariat's pending corrections and
 * data-quality report. Every form that writes is a POST with the session's CSRF token.
 */
export function mountSessionPages(router: Router, deps: PageDeps, sessions: SessionStore, keys: KeyCheck, officeSections: OfficeSection[]): void {
  mountSignIn(router, deps, sessions, keys);
  router.post("/offices/:id/corrections", formBody, page(deps, postedForm("OFFICIAL", submitReport(officeSections))));
  router.post("/offices/:id/confirm", formBody, page(deps, postedForm("OFFICIAL", submitConfirmation(officeSections))));
  router.get("/me/corrections", page(deps, forRole("OFFICIAL", myCorrectionsPage)));
  router.get(
    "/secretariat",
    page(
      deps,
      forRole("SECRETARIAT", (ctx, api, req) => secretariatPage(ctx, api, req)),
    ),
  );
  router.get(
    "/secretariat/data-quality",
    page(
      deps,
      forRole("SECRETARIAT", (ctx, api) => dataQualityPage(ctx, api)),
    ),
  );
  router.get(
    "/secretariat/country-tables",
    page(
      deps,
      forRole("SECRETARIAT", (ctx, api) => countryTablesPage(ctx, api)),
    ),
  );
  router.get("/secretariat/country-tables.csv", page(deps, forRole("SECRETARIAT", countryTablesCsv)));
  // Countries' tables (issue 21): an official's own, the secretariat's review.
  router.get(
    "/me/country-table",
    page(
      deps,
      forRole("OFFICIAL", (ctx, api, req) => myCountryTablePage(ctx, api, req)),
    ),
  );
  router.post("/me/country-table", page(deps, sendMyCountryTable));
  router.get("/secretariat/tables", page(deps, forRole("SECRETARIAT", submissionsPage)));
  router.get(
    "/secretariat/tables/:id",
    page(
      deps,
      forRole("SECRETARIAT", (ctx, api, req) => submissionPage(ctx, api, req)),
    ),
  );
  router.post("/secretariat/tables/:id/apply", formBody, page(deps, postedForm("SECRETARIAT", decideSubmission("apply"))));
  router.post("/secretariat/tables/:id/reject", formBody, page(deps, postedForm("SECRETARIAT", decideSubmission("reject"))));
  router.post("/secretariat/corrections/:id/accept", formBody, page(deps, postedForm("SECRETARIAT", decideCorrection("accept"))));
  router.post("/secretariat/corrections/:id/reject", formBody, page(deps, postedForm("SECRETARIAT", decideCorrection("reject"))));
}
