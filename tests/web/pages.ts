/**
 * The web pages the browser tests visit (tests/web/browser.test.ts): each with the path
 * to open and, for signed-in pages, the role whose session opens it.
 */
export interface WebPage {
  name: string;
  path: string;
  /** Sign in with this role's key first (OFFICIAL, SECRETARIAT). */
  role?: "official" | "secretariat";
  /** A screenshot of this page goes to docs/screenshots/ (`npm run screenshots`). */
  screenshot?: boolean;
}

export const WEB_PAGES: WebPage[] = [
  { name: "directory", path: "/", screenshot: true },
  { name: "office", path: "/offices/in-pa-emb-panama-city", screenshot: true },
  { name: "lookup", path: "/lookup?nationality=IN&place=Paso+Canoas", screenshot: true },
  { name: "embed", path: "/embed?host=CR&sender=NI", screenshot: true },
  { name: "open-data", path: "/open-data" },
  { name: "not-found", path: "/no-such-page" },
  { name: "signin", path: "/signin", screenshot: true },
  { name: "office-official", path: "/offices/in-pa-emb-panama-city", role: "official", screenshot: true },
  { name: "my-reports", path: "/me/corrections", role: "official", screenshot: true },
  { name: "secretariat", path: "/secretariat", role: "secretariat", screenshot: true },
  { name: "data-quality", path: "/secretariat/data-quality", role: "secretariat", screenshot: true },
  { name: "forbidden", path: "/secretariat", role: "official" },
];
