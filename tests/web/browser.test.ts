import { mkdirSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HAS_CHROMIUM, launchChromium } from "../helpers/chromium";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";
import { WEB_PAGES, type WebPage } from "./pages";

const VIEWPORTS = [
  { name: "phone", width: 360, height: 740 },
  { name: "desktop", width: 1280, height: 800 },
];
const LANGS = ["es", "en"] as const;
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
/** `npm run screenshots` sets it: the tests then write the README's screenshots there. */
const SCREENSHOTS = process.env.SCREENSHOTS_DIR;

describe.skipIf(!HAS_CHROMIUM)("the web pages in Chromium", () => {
  let stack: TestStack;
  let browser: Browser;
  let origin: string;
  let keys: Record<string, string>;
  beforeAll(async () => {
    stack = await startTestStack("sqlite");
    origin = new URL(stack.url).origin;
    browser = await launchChromium();
    keys = {};
    for (const role of ["official", "secretariat"] as const) keys[role] = (await stack.keys.create(ROLE_KEYS[role])).key;
    // A report from the field, so that the official's reports and the secretariat's queue show one.
    const report = `mutation { submitCorrection(representationId: "in-pa-emb-panama-city", changes: { phones: ["+507 264 3043"] }, comment: "The old number does not answer") { id } }`;
    await stack.query(report, {}, { authorization: `Bearer ${keys.official}` });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A fresh browser context (viewport, JavaScript on or off) that records every request to another host. */
  async function open(page: WebPage, options: { lang: string; width: number; height: number; javaScript?: boolean }) {
    const context: BrowserContext = await browser.newContext({ viewport: { width: options.width, height: options.height }, javaScriptEnabled: options.javaScript ?? true, locale: options.lang });
    const tab: Page = await context.newPage();
    const outside: string[] = [];
    let transferred = 0;
    tab.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith("data:") && new URL(url).origin !== origin) outside.push(url);
    });
    tab.on("requestfinished", async (request) => {
      const sizes = await request.sizes().catch(() => undefined);
      if (sizes) transferred += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    if (page.role) await signIn(tab, keys[page.role]);
    const separator = page.path.includes("?") ? "&" : "?";
    const response = await tab.goto(`${origin}${page.path}${separator}lang=${options.lang}`);
    await tab.waitForLoadState("networkidle");
    return { context, tab, outside, response, transferred: () => transferred };
  }

  async function signIn(tab: Page, key: string) {
    await tab.goto(`${origin}/signin`);
    await tab.locator('input[name="key"]').fill(key);
    await tab.locator('form[action^="/signin"] button[type="submit"]').click();
    await tab.waitForLoadState("networkidle");
  }

  /** One browser context per role, language and viewport, reused across pages (axe runs dominate the time). */
  const shared = new Map<string, { tab: Page; outside: string[] }>();
  async function sharedTab(role: WebPage["role"], lang: string, viewport: (typeof VIEWPORTS)[number]) {
    const name = `${role ?? "public"} ${lang} ${viewport.name}`;
    let entry = shared.get(name);
    if (!entry) {
      const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, locale: lang });
      const tab = await context.newPage();
      const outside: string[] = [];
      tab.on("request", (request) => {
        const url = request.url();
        if (!url.startsWith("data:") && new URL(url).origin !== origin) outside.push(url);
      });
      if (role) await signIn(tab, keys[role]);
      shared.set(name, (entry = { tab, outside }));
    }
    entry.outside.length = 0;
    return entry;
  }

  for (const page of WEB_PAGES) {
    it(`${page.name}: no WCAG 2.2 A/AA violation (axe) in es and en at 360×740 and 1280×800, nothing from another host`, async () => {
      for (const lang of LANGS) {
        for (const viewport of VIEWPORTS) {
          const { tab, outside } = await sharedTab(page.role, lang, viewport);
          const separator = page.path.includes("?") ? "&" : "?";
          await tab.goto(`${origin}${page.path}${separator}lang=${lang}`);
          await tab.waitForLoadState("networkidle");
          expect(await tab.getAttribute("html", "lang")).toBe(lang);
          const results = await new AxeBuilder({ page: tab }).withTags(WCAG_TAGS).analyze();
          const violations = results.violations.map((v) => ({ id: v.id, where: `${page.name} ${lang} ${viewport.name}`, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
          expect(violations).toEqual([]);
          expect(outside).toEqual([]);
          // Issue 20, point 6: nothing wider than the screen, no sideways scrolling of the page.
          if (viewport.width <= 400) expect(await tab.evaluate(() => document.documentElement.scrollWidth), `${page.name} ${lang}`).toBeLessThanOrEqual(viewport.width);
          if (SCREENSHOTS && page.screenshot?.includes(`${lang}-${viewport.name}` as "es-desktop")) {
            mkdirSync(SCREENSHOTS, { recursive: true });
            await tab.screenshot({ path: join(SCREENSHOTS, `${page.name}-${lang}-${viewport.name}.png`) });
          }
        }
      }
    });
  }

  it("the directory's first page weighs at most 150 kB transferred, its script at most 50 kB gzipped", async () => {
    const { context, tab, transferred } = await open(WEB_PAGES[0], { lang: "es", width: 1280, height: 800 });
    try {
      await tab.waitForTimeout(100); // requestfinished sizes arrive asynchronously
      expect(transferred()).toBeGreaterThan(5_000);
      expect(transferred()).toBeLessThanOrEqual(150_000);
      const script = await tab.evaluate(async () => {
        const src = document.querySelector<HTMLScriptElement>("script[src]")!.src;
        const response = await fetch(src, { headers: { "accept-encoding": "gzip" } });
        return { encoding: response.headers.get("content-encoding"), bytes: Number(response.headers.get("content-length") ?? 0) || (await response.arrayBuffer()).byteLength };
      });
      expect(script.bytes).toBeLessThanOrEqual(50_000);
    } finally {
      await context.close();
    }
  });

  it("without JavaScript, the directory's filters work by submitting the form", async () => {
    const { context, tab } = await open(WEB_PAGES[0], { lang: "en", width: 360, height: 740, javaScript: false });
    try {
      await tab.selectOption("#f-host", "MX");
      await tab.selectOption("#f-sender", "HT");
      await tab.getByRole("button", { name: "Apply" }).click();
      await tab.waitForURL(/host=MX/);
      expect(await tab.locator("#offices tbody tr").count()).toBe(3);
      await expect.poll(() => tab.locator("p.count").textContent()).toBe("3 offices");
    } finally {
      await context.close();
    }
  });

  it("without JavaScript, every public page shows its content and links (server-rendered)", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    try {
      const tab = await context.newPage();
      for (const page of WEB_PAGES.filter((p) => !p.role && p.name !== "not-found")) {
        const separator = page.path.includes("?") ? "&" : "?";
        const response = await tab.goto(`${origin}${page.path}${separator}lang=en`);
        expect(response?.status(), page.name).toBe(200);
        expect((await tab.locator("h1").first().textContent())?.trim().length, page.name).toBeGreaterThan(3);
        expect(await tab.locator("main a[href], main form").count(), page.name).toBeGreaterThan(0);
      }
      // The lookup answers without JavaScript too: the place typed, the offices listed.
      await tab.goto(`${origin}/lookup?lang=en&nationality=IN&place=Paso+Canoas`);
      expect(await tab.locator("main").textContent()).toContain("accredited to Costa Rica from Panama");
    } finally {
      await context.close();
    }
  });

  it("with JavaScript, typing filters the listed rows at once", async () => {
    const { context, tab } = await open({ name: "directory", path: "/?host=MX&sender=HT" }, { lang: "es", width: 1280, height: 800 });
    try {
      expect(await tab.locator("#offices tbody tr").count()).toBe(3);
      await tab.locator("#f-q").pressSequentially("tapach");
      await expect.poll(() => tab.locator("#offices tbody tr:visible").count()).toBe(1);
      expect(await tab.locator("#offices tbody tr:visible th a").textContent()).toMatch(/Haití/);
      expect(await tab.locator("[data-print]").isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("an office's page shows its locator map, drawn on the page, and its sources", async () => {
    const { context, tab, outside } = await open(WEB_PAGES.find((p) => p.name === "office")!, { lang: "en", width: 1280, height: 800 });
    try {
      expect(await tab.locator("h1").textContent()).toBe("Embassy of India");
      expect(await tab.locator("figure svg path").count()).toBeGreaterThan(0);
      expect(await tab.locator("figure svg circle").count()).toBe(1);
      expect(await tab.locator("#sources-heading").isVisible()).toBe(true);
      expect(outside).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
