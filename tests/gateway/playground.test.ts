import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleOperations } from "../../gateway/src/playground-examples";
import { HAS_CHROMIUM, launchChromium } from "../helpers/chromium";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";

const EXAMPLES = exampleOperations();

describe("the playground's example operations", () => {
  let stack: TestStack;
  let callers: Record<string, Record<string, string>>;
  beforeAll(async () => {
    stack = await startTestStack("sqlite");
    callers = await stack.callers({ PARTNER: ROLE_KEYS.partner, OFFICIAL: ROLE_KEYS.official, SECRETARIAT: ROLE_KEYS.secretariat });
  });
  afterAll(() => stack?.stop());

  it("offers every operation of operations/, each with sample variables", () => {
    expect(EXAMPLES.map((e) => e.name)).toEqual([
      "DirectoryFilters",
      "ConfirmRepresentation",
      "MyCorrections",
      "PendingCorrections",
      "SubmitCorrection",
      "AcceptCorrection",
      "RejectCorrection",
      "CountryTableRows",
      "SubmitCountryTable",
      "CountryTableSubmissions",
      "CountryTableSubmission",
      "ApplyCountryTableSubmission",
      "RejectCountryTableSubmission",
      "CountryTables",
      "DataQualityReport",
      "DirectoryPage",
      "DirectoryChoices",
      "RepresentationsOfCountryIn",
      "LookupPage",
      "LookupChoices",
      "NearestForIdentification",
      "OfficePage",
      "OfflineSnapshot",
      "OfflineCountries",
      "OpenDataPage",
      "PlaceSuggestions",
      "SearchRepresentations",
      "FocalPointChanges",
      "PartnerContactChanges",
      "SyncPartnerContacts",
    ]);
  });

  it.each(EXAMPLES.map((e) => [e.name, e] as const))("%s runs as loaded, with its sample variables", async (_name, example) => {
    const { status, body } = await stack.query(example.query, example.variables, example.role ? callers[example.role] : {});
    expect(status).toBe(200);
    if (example.expect) expect(body.errors?.[0].extensions?.code).toBe(example.expect);
    else {
      expect(body.errors).toBeUndefined();
      expect(Object.keys(body.data ?? {})).not.toHaveLength(0);
    }
    if (example.role) {
      // Without the key it needs, a clear access error, not a missing variable.
      const anonymous = await stack.query(example.query, example.variables);
      expect(anonymous.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
  });

  it("says Enlace in the page title", async () => {
    const html = await (await fetch(stack.url, { headers: { accept: "text/html" } })).text();
    expect(html).toContain("<title>Enlace — GraphQL playground</title>");
    expect(html).not.toContain("Ruru - GraphQL/Grafast IDE");
  });

  describe.skipIf(!HAS_CHROMIUM)("in Chromium", () => {
    let browser: Browser;
    let page: Page;
    beforeAll(async () => {
      browser = await launchChromium();
      page = await (await browser.newContext()).newPage();
      await page.goto(stack.url);
    });
    afterAll(() => browser?.close());

    /**
     * Clicks Run and returns the answer the page received. Right after a tab switch GraphiQL
     * may still send the previous tab's operationName (it updates it once the editor is
     * parsed): such a run is an "Unknown operation" and is clicked again.
     */
    const run = async (operationName: string) => {
      for (let attempt = 0; ; attempt++) {
        const answer = page.waitForResponse((r) => r.url() === stack.url && r.request().method() === "POST" && !r.request().postData()?.includes("IntrospectionQuery"));
        await page.locator(".graphiql-execute-button").click();
        const response = await answer;
        const sent = JSON.parse(response.request().postData() ?? "{}") as { operationName?: string };
        if (sent.operationName === undefined || sent.operationName === operationName || attempt >= 50) return response.json();
        await page.waitForTimeout(100);
      }
    };

    it("shows one tab per example; the public ones run as loaded, the others ask for a key", async () => {
      const tabs = page.locator(".graphiql-tab");
      await expect.poll(() => tabs.count(), { timeout: 30_000 }).toBe(EXAMPLES.length);
      expect(await page.locator(".graphiql-tab-button").allTextContents()).toEqual(EXAMPLES.map((e) => e.name));
      for (const [i, example] of EXAMPLES.entries()) {
        await page.locator(".graphiql-tab-button").nth(i).click();
        const body = await run(example.name);
        if (example.role) expect(body.errors?.[0].extensions.code, example.name).toBe("FORBIDDEN");
        else {
          expect(body.errors, example.name).toBeUndefined();
          expect(Object.keys(body.data)).not.toHaveLength(0);
        }
      }
    });

    it("shows the header for an API key where headers are edited", async () => {
      await page.getByRole("button", { name: "Headers" }).click();
      const editor = page.locator(".graphiql-editor-tool .view-lines").last();
      await expect.poll(async () => ((await editor.textContent()) ?? "").replace(/\s+/g, " "), { timeout: 10_000 }).toContain('"Authorization": "Bearer enl_<id>_<secret>"');
    });
  });
});
