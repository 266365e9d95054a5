import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HAS_CHROMIUM, launchChromium } from "../helpers/chromium";
import { startTestStack, type TestStack } from "../helpers/stack";

const OFFICE = "in-pa-emb-panama-city";
const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];
const LANGS = ["es", "en"] as const;
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

describe.skipIf(!HAS_CHROMIUM)("the signed-in pages in Chromium (sign-in, report form, reports, secretariat, data quality)", () => {
  let stack: TestStack;
  let browser: Browser;
  let origin: string;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startTestStack("sqlite", { web: { frameOrigins: [], secureCookies: false, publicCacheControl: "public, max-age=60" } });
    origin = new URL(stack.url).origin;
    keys.official = (await stack.keys.create({ role: "OFFICIAL", country: "CR", label: "DGME" })).key;
    keys.secretariat = (await stack.keys.create({ role: "SECRETARIAT", label: "ST" })).key;
    // A report waiting for the secretariat and one it declined, so that every list has rows.
    const submit = `mutation ($changes: RepresentationChanges!, $comment: String) { submitCorrection(representationId: "${OFFICE}", changes: $changes, comment: $comment) { id } }`;
    const official = { authorization: `Bearer ${keys.official}` };
    await stack.query(submit, { changes: { phones: ["+507 264 3043"] }, comment: "The old number does not answer" }, official);
    const declined = (await stack.query(submit, { changes: { website: "https://example.org/not-the-embassy" }, comment: "Found this site" }, official)).body.data.submitCorrection.id;
    await stack.query(`mutation ($id: ID!) { rejectCorrection(id: $id, reason: "Not the embassy's site") { id } }`, { id: declined }, { authorization: `Bearer ${keys.secretariat}` });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A browser context whose requests to any other host are counted. */
  async function visitor(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; outside: string[] }> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const outside: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.origin !== origin && url.protocol !== "data:") outside.push(request.url());
    });
    return { context, page, outside };
  }

  async function signIn(page: Page, key: string, lang: string) {
    await page.goto(`${origin}/signin?lang=${lang}`);
    await page.locator("#f-key").fill(key);
    await Promise.all([page.waitForURL((url) => url.pathname !== "/signin"), page.locator("main button[type=submit]").click()]);
  }

  async function violations(page: Page) {
    const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    return result.violations.map((v) => ({ id: v.id, url: page.url(), targets: v.nodes.map((n) => n.target.join(" ")) }));
  }

  for (const lang of LANGS) {
    for (const viewport of VIEWPORTS) {
      it(`an official signs in, reports through the form and follows the report; no axe violations (${lang}, ${viewport.width}px)`, async () => {
        const { context, page, outside } = await visitor(viewport);
        const found = [];
        await page.goto(`${origin}/signin?lang=${lang}`);
        found.push(...(await violations(page)));
        await signIn(page, keys.official, lang);
        await page.goto(`${origin}/offices/${OFFICE}?lang=${lang}`);
        await expect.poll(() => page.locator("#report-heading").count()).toBe(1);
        found.push(...(await violations(page)));
        // A refused value: the error is shown next to the field, the page stays accessible.
        await page.locator("#r-comment").fill("The number no longer answers");
        await page.locator("#r-phones").fill("not a phone");
        await Promise.all([page.waitForURL(/\/corrections/), page.locator(".report button[type=submit]").click()]);
        expect(await page.locator("#r-phones-error").count()).toBe(1);
        found.push(...(await violations(page)));
        await page.locator("#r-phones").fill("+507 264 3045");
        await Promise.all([page.waitForURL(/\/me\/corrections\?sent=/), page.locator(".report button[type=submit]").click()]);
        expect(await page.locator(".notice.ok").count()).toBe(1);
        found.push(...(await violations(page)));
        // The session cookie is HttpOnly: no script on the page can read it, nor the key.
        const cookies = await page.evaluate(() => document.cookie);
        expect(cookies).not.toContain("enlace_session");
        expect(await page.content()).not.toContain(keys.official);
        // The wrong role's page.
        const refused = await page.goto(`${origin}/secretariat?lang=${lang}`);
        expect(refused?.status()).toBe(403);
        found.push(...(await violations(page)));
        expect(found).toEqual([]);
        expect(outside).toEqual([]);
        await context.close();
      });

      it(`the secretariat reviews the pending corrections and the data-quality report; no axe violations (${lang}, ${viewport.width}px)`, async () => {
        const { context, page, outside } = await visitor(viewport);
        await signIn(page, keys.secretariat, lang);
        const found = [];
        await page.goto(`${origin}/secretariat?lang=${lang}`);
        expect(await page.locator("section.correction").count()).toBeGreaterThan(0);
        found.push(...(await violations(page)));
        await page.goto(`${origin}/secretariat/data-quality?lang=${lang}`);
        found.push(...(await violations(page)));
        expect(found).toEqual([]);
        expect(outside).toEqual([]);
        await context.close();
      });
    }
  }
});
