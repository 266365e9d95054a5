import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HAS_CHROMIUM, launchChromium } from "../helpers/chromium";
import { startTestStack, type TestStack } from "../helpers/stack";

/**
 * Issue 20, point 7: the embed on a page of another origin (a host page served here on
 * localhost, Enlace on 127.0.0.1): it renders, the frame is sized to its content by the
 * snippet (postMessage), and a click on an office stays in the frame instead of breaking it.
 */
describe.skipIf(!HAS_CHROMIUM)("the embed on another origin, in Chromium", () => {
  let stack: TestStack;
  let host: Server;
  let hostOrigin: string;
  let browser: Browser;
  beforeAll(async () => {
    host = createServer((req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(`<!doctype html><html lang="es"><head><title>Sitio de la CRM</title></head><body><h1>Directorio</h1>
        <iframe id="enlace" title="Directorio consular" src="${enlace}/embed?host=CR&amp;lang=es" style="width:100%;height:800px;border:0"></iframe>
        <script src="${enlace}/assets/embed-frame.js" defer></script></body></html>`);
    });
    await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
    hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
    stack = await startTestStack("sqlite", { web: { frameOrigins: [hostOrigin], secureCookies: false, publicCacheControl: "public, max-age=60" } });
    enlace = new URL(stack.url).origin;
    browser = await launchChromium();
  });
  let enlace = "";
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await new Promise((resolve) => host?.close(resolve));
  });

  it("renders, fits its frame to its content, and keeps an office page in the frame", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const tab = await context.newPage();
      await tab.goto(`${hostOrigin}/`);
      const frame = tab.frameLocator("#enlace");
      await frame.locator("h1.embed-title").waitFor();
      // The snippet sizes the frame to the embedded page's height (no inner scroll bar).
      await tab.waitForFunction(() => Number.parseInt((document.getElementById("enlace") as HTMLIFrameElement).style.height, 10) !== 800);
      const sized = await tab.evaluate(() => Number.parseInt((document.getElementById("enlace") as HTMLIFrameElement).style.height, 10));
      const content = await frame.locator("html").evaluate((html) => html.scrollHeight);
      expect(Math.abs(sized - content)).toBeLessThanOrEqual(2);
      // A click on an office opens its page inside the frame (allowed by the same frame-ancestors).
      await frame.locator("table.offices tbody tr th a").first().click();
      await frame.locator("h1").first().waitFor();
      const inner = tab.frames().find((f) => f.url().includes("/offices/"));
      expect(inner, "the office page loaded in the frame").toBeDefined();
      expect(await inner?.locator("h2#details-heading").count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
