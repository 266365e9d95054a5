import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HAS_CHROMIUM, launchChromium } from "../helpers/chromium";
import { startTestStack, type TestStack } from "../helpers/stack";

/** Issue 21, point 3: confirming an office's details in one step, keyboard only, in Spanish. */
describe.skipIf(!HAS_CHROMIUM)("confirming an office's details, keyboard only, in Chromium", () => {
  let stack: TestStack;
  let browser: Browser;
  let origin: string;
  let key: string;
  beforeAll(async () => {
    stack = await startTestStack("sqlite", { web: { frameOrigins: [], secureCookies: false, publicCacheControl: "public, max-age=60" } });
    origin = new URL(stack.url).origin;
    key = (await stack.keys.create({ role: "OFFICIAL", country: "GT", label: "IGM Guatemala" })).key;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("signs in, checks the phone by a call and confirms with Tab and Enter; the office reads 'verificado … por Guatemala'", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "es" });
    try {
      const tab = await context.newPage();
      await tab.goto(`${origin}/signin?lang=es&next=${encodeURIComponent("/offices/za-gt-hcons-nocity?lang=es")}`);
      await tab.locator('input[name="key"]').focus();
      await tab.keyboard.type(key);
      await tab.keyboard.press("Enter");
      await tab.waitForURL(/\/offices\/za-gt-hcons-nocity/);
      // Tab to the form's button, as a person without a mouse would.
      for (let i = 0; i < 200; i++) {
        await tab.keyboard.press("Tab");
        const focused = await tab.evaluate(() => document.activeElement?.textContent?.trim());
        if (focused === "Confirmar hoy") break;
      }
      expect(await tab.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Confirmar hoy");
      await tab.keyboard.press("Enter");
      await tab.waitForURL(/confirmed=1/);
      expect(await tab.locator("#confirm .notice.ok").textContent()).toBe("Gracias: los datos marcados quedan verificados hoy por su país.");
      expect(await tab.locator(".fresh").first().textContent()).toMatch(/por Guatemala\)$/);
    } finally {
      await context.close();
    }
  });
});
