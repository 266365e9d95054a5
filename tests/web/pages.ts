/**
 * The web pages the browser tests visit (tests/web/browser.test.ts): each with the path
 * to open and, for signed-in pages, the role whose session opens it.
 */
export interface WebPage {
  name: string;
  path: string;
  /** Sign in with this role's key first (OFFICIAL, SECRETARIAT). */
  role?: "official" | "secretariat";
  /** Screenshots of this page for the README, written to docs/screenshots/ by `npm run screenshots`: language and viewport. */
  screenshot?: ("es-desktop" | "en-phone")[];
}

export const WEB_PAGES: WebPage[] = [
  { name: "directory", path: "/", screenshot: ["es-desktop", "en-phone"] },
  { name: "office", path: "/offices/in-pa-emb-panama-city", screenshot: ["es-desktop"] },
  { name: "lookup", path: "/lookup?nationality=IN&place=Paso+Canoas", screenshot: ["es-desktop", "en-phone"] },
  { name: "embed", path: "/embed?host=CR&sender=NI", screenshot: ["es-desktop"] },
  { name: "open-data", path: "/open-data", screenshot: ["es-desktop"] },
  { name: "not-found", path: "/no-such-page" },
  { name: "signin", path: "/signin", screenshot: ["en-phone"] },
  { name: "office-official", path: "/offices/in-pa-emb-panama-city", role: "official", screenshot: ["es-desktop"] },
  { name: "my-reports", path: "/me/corrections", role: "official", screenshot: ["es-desktop"] },
  { name: "secretariat", path: "/secretariat", role: "secretariat", screenshot: ["es-desktop"] },
  { name: "data-quality", path: "/secretariat/data-quality", role: "secretariat", screenshot: ["es-desktop"] },
  { name: "country-tables", path: "/secretariat/country-tables", role: "secretariat", screenshot: ["es-desktop"] },
  { name: "my-country-table", path: "/me/country-table", role: "official", screenshot: ["es-desktop"] },
  { name: "table-submissions", path: "/secretariat/tables", role: "secretariat" },
  { name: "forbidden", path: "/secretariat", role: "official" },
];
