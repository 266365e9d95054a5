import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HAS_CHROMIUM, launchChromium } from "../helpers/chromium";
import { startTestStack, type TestStack } from "../helpers/stack";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

describe.skipIf(!HAS_CHROMIUM)("the border lookup in Chromium", () => {
  let stack: TestStack;
  let origin: string;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startTestStack("sqlite", { web: { frameOrigins: [], secureCookies: false, publicCacheControl: "public, max-age=60" } });
    origin = new URL(stack.url).origin;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A page in a fresh context that records every request to another host. */
  async function open(path: string, options: BrowserContextOptions = {}): Promise<{ page: Page; outside: string[] }> {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, ...options });
    const page = await context.newPage();
    const outside: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).origin !== origin) outside.push(request.url());
    });
    await page.goto(`${origin}${path}`);
    return { page, outside };
  }

  const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id || `${document.activeElement?.tagName}:${document.activeElement?.textContent?.trim()}`);

  it("can be used with the keyboard alone: tab through the form, pick a place with the arrows, submit", async () => {
    const { page, outside } = await open("/lookup", { locale: "es-MX" }); // Spanish from Accept-Language
    const order: string[] = [];
    for (let i = 0; i < 30 && !order.includes("f-nationality-1"); i++) {
      await page.keyboard.press("Tab");
      order.push(await activeId(page));
    }
    expect(order.at(-1)).toBe("f-nationality-1");
    await page.keyboard.type("India"); // a select's type-ahead
    for (const next of ["f-nationality-2", "f-nationality-3", "f-place"]) {
      await page.keyboard.press("Tab");
      expect(await activeId(page)).toBe(next);
    }
    await page.keyboard.type("paso can");
    const place = page.locator("#f-place");
    await page.locator("#f-place-options [role=option]").first().waitFor();
    expect(await place.getAttribute("role")).toBe("combobox");
    expect(await place.getAttribute("aria-expanded")).toBe("true");
    expect(await place.getAttribute("aria-controls")).toBe("f-place-options");
    expect(await page.locator("#f-place-options [role=option]").first().textContent()).toBe("Paso Canoas, Costa Rica — puesto fronterizo");
    await page.keyboard.press("ArrowDown");
    expect(await place.getAttribute("aria-activedescendant")).toBe("f-place-options-0");
    expect(await page.locator("#f-place-options-0").getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("Enter"); // picks the option, does not submit
    expect(await place.inputValue()).toBe("Paso Canoas");
    expect(await page.locator("#f-country").inputValue()).toBe("CR");
    expect(await place.getAttribute("aria-expanded")).toBe("false");
    const tabs: string[] = [];
    for (let i = 0; i < 6 && !tabs.at(-1)?.startsWith("BUTTON:Buscar oficinas"); i++) {
      await page.keyboard.press("Tab");
      tabs.push(await activeId(page));
    }
    expect(tabs).toEqual(["BUTTON:Usar mi ubicación", "f-country", "f-procedure", "BUTTON:Buscar oficinas"]);
    await Promise.all([page.waitForURL(/\/lookup\?.*place=Paso\+Canoas/), page.keyboard.press("Enter")]);
    expect(await page.locator(".place-understood").textContent()).toBe("Paso Canoas, Costa Rica — puesto fronterizo");
    expect(await page.locator('[data-nationality="IN"] li').first().getAttribute("data-office")).toBe("in-pa-emb-panama-city");
    expect(outside).toEqual([]);
  });

  it("closes the suggestions with Escape and leaves the typed text", async () => {
    const { page } = await open("/lookup?lang=en");
    await page.locator("#f-place").focus();
    await page.keyboard.type("tapach");
    await page.locator("#f-place-options [role=option]").first().waitFor();
    await page.keyboard.press("Escape");
    expect(await page.locator("#f-place").getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator("#f-place-options").isHidden()).toBe(true);
    expect(await page.locator("#f-place").inputValue()).toBe("tapach");
  });

  it("shows the state of namesakes in the suggestions and fills in the one picked (Tonalá, Chiapas)", async () => {
    const { page } = await open("/lookup?lang=es");
    await page.locator("#f-nationality-1").selectOption("IN");
    await page.locator("#f-country").selectOption("MX");
    await page.locator("#f-place").focus();
    await page.keyboard.type("Tonalá");
    await page.locator("#f-place-options [role=option]").first().waitFor();
    const options = await page.locator("#f-place-options [role=option]").allTextContents();
    expect(options.slice(0, 2)).toEqual(["Tonalá (Jalisco), México — ciudad o pueblo", "Tonalá (Chiapas), México — ciudad o pueblo"]);
    await page.locator("#f-place-options [role=option]").nth(1).click();
    expect(await page.locator("#f-place").inputValue()).toBe("Tonalá, Chiapas");
    await Promise.all([page.waitForURL(/place=Tonal%C3%A1%2C\+Chiapas/), page.getByRole("button", { name: "Buscar oficinas" }).click()]);
    expect(await page.locator(".place-understood").textContent()).toBe("Tonalá (Chiapas), México — ciudad o pueblo");
  });

  it("uses the device's location", async () => {
    const { page } = await open("/lookup?lang=en", { geolocation: { latitude: 8.5331, longitude: -82.8384 }, permissions: ["geolocation"] });
    await page.locator("#f-nationality-1").selectOption("IN");
    await page.getByRole("button", { name: "Use my location" }).click();
    await page.locator("#f-geo-status", { hasText: "Your position will be used: 8.5331, -82.8384." }).waitFor();
    await Promise.all([page.waitForURL(/lat=8\.5331&lon=-82\.8384/), page.getByRole("button", { name: "Find offices" }).click()]);
    expect(await page.locator(".place-understood").textContent()).toBe("Your position: 8.5331, -82.8384 (near Canoas), Costa Rica");
  });

  it("works without JavaScript: a plain form, no location button", async () => {
    const { page } = await open("/lookup?lang=en", { javaScriptEnabled: false });
    expect(await page.getByRole("button", { name: "Use my location" }).isHidden()).toBe(true);
    await page.locator("#f-nationality-1").selectOption("BD");
    await page.locator("#f-nationality-2").selectOption("NP");
    await page.locator("#f-place").fill("Tapachula");
    await Promise.all([page.waitForURL(/place=Tapachula/), page.getByRole("button", { name: "Find offices" }).click()]);
    expect(await page.locator("[data-nationality] h2").allTextContents()).toEqual(["Offices of Bangladesh", "Offices of Nepal"]);
  });

  it.each([
    { width: 360, height: 740 },
    { width: 1280, height: 800 },
  ])(
    "has no WCAG 2.2 A/AA violations (axe) in es and en at $width×$height, and loads nothing from elsewhere",
    async (viewport) => {
      const paths = ["/lookup", "/lookup?nationality=IN&place=Paso+Canoas", "/lookup?nationality=IN&place=Tapachla", "/lookup?nationality=ER&nationality=GT&place=Tapachula&procedure=PASSPORT"];
      const report: string[] = [];
      for (const lang of ["es", "en"])
        for (const path of paths) {
          const { page, outside } = await open(`${path}${path.includes("?") ? "&" : "?"}lang=${lang}`, { viewport });
          const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
          for (const v of violations) report.push(`${lang} ${path}: ${v.id} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
          for (const url of outside) report.push(`${path}: outside request ${url}`);
          await page.context().close();
        }
      expect(report).toEqual([]);
    },
    120_000,
  );
});
