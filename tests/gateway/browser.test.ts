import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../platform/src/paths";
import { HAS_CHROMIUM, launchChromium } from "../helpers/chromium";
import { startTestStack, type TestStack } from "../helpers/stack";

/** examples/browser/index.html on an origin of its own, as the CRM site would serve it. */
async function servePage(): Promise<{ origin: string; server: Server }> {
  const page = readFileSync(join(projectRoot(), "examples", "browser", "index.html"));
  const server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe.skipIf(!HAS_CHROMIUM)("the browser example, in Chromium", () => {
  let stack: TestStack;
  let browser: Browser;
  let allowed: { origin: string; server: Server };
  let refused: { origin: string; server: Server };
  beforeAll(async () => {
    [allowed, refused] = await Promise.all([servePage(), servePage()]);
    stack = await startTestStack("sqlite", { corsOrigins: [allowed.origin] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    for (const s of [allowed, refused]) s?.server.close();
  });

  const run = async (origin: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/?endpoint=${encodeURIComponent(stack.url)}`);
    await page.getByRole("button", { name: "Run the query" }).click();
    await page.locator('#status[data-state="done"], #status[data-state="error"]').waitFor();
    const result = { status: await page.locator("#status").textContent(), rows: await page.locator("#offices tbody tr").count() };
    await context.close();
    return result;
  };

  it("runs the query from a listed origin and shows the offices", async () => {
    const { status, rows } = await run(allowed.origin);
    expect(status).toMatch(/^5 offices \(request [0-9a-f-]{36}\)$/);
    expect(rows).toBe(5);
  });

  it("cannot read the answer from an origin that is not listed", async () => {
    const { status, rows } = await run(refused.origin);
    expect(status).toBe("Failed: Failed to fetch");
    expect(rows).toBe(0);
  });
});
