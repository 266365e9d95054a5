import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../helpers/stack";

const WEB = { frameOrigins: [], secureCookies: false, publicCacheControl: "public, max-age=60, stale-while-revalidate=300" };
const OFFICE = "in-pa-emb-panama-city";

interface Page {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
  setCookies: string[];
}

/** A browser, as far as these pages care: a cookie jar, forms posted with this site's Origin, every page and URL kept. */
class Visitor {
  readonly cookies = new Map<string, string>();
  /** Every page's HTML, every requested URL and every Location: the key must appear in none. */
  readonly seen: string[] = [];
  constructor(private readonly origin: string) {}

  async request(method: "GET" | "POST", path: string, form?: Record<string, string>, headers: Record<string, string> = {}): Promise<Page> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const response = await fetch(`${this.origin}${path}`, {
      method,
      redirect: "manual",
      headers: { ...(cookie && { cookie }), ...(form && { "content-type": "application/x-www-form-urlencoded", origin: this.origin }), ...headers },
      body: form && new URLSearchParams(form).toString(),
    });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair] = line.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      if (/;\s*Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(name.length + 1));
    }
    const page = { status: response.status, headers: response.headers, text: await response.text(), location: response.headers.get("location"), setCookies };
    this.seen.push(path, page.text, page.location ?? "");
    return page;
  }

  get = (path: string, headers?: Record<string, string>) => this.request("GET", path, undefined, headers);
  post = (path: string, form: Record<string, string>, headers?: Record<string, string>) => this.request("POST", path, form, headers);
}

const csrfOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";

/** Opens the sign-in form (as a link to it would) and posts the key; returns the answer to the POST. */
async function signIn(visitor: Visitor, key: string, next?: string): Promise<Page> {
  const form = await visitor.get(`/signin?lang=en${next ? `&next=${encodeURIComponent(next)}` : ""}`);
  expect(form.status).toBe(200);
  return visitor.post("/signin?lang=en", { csrf: csrfOf(form.text), key, ...(next && { next }) });
}

describe("signing in and the signed-in pages (web/src/session)", () => {
  let stack: TestStack;
  let origin: string;
  const keys: Record<string, { id: string; key: string }> = {};
  const pendingIds = async () =>
    (await stack.query(`{ pendingCorrections(first: 100) { id comment } }`, undefined, { authorization: `Bearer ${keys.secretariat.key}` })).body.data.pendingCorrections as {
      id: string;
      comment: string;
    }[];
  const officePhones = async () => (await stack.query(`{ representation(id: "${OFFICE}") { version phones { e164 } } }`)).body.data.representation;

  beforeAll(async () => {
    // No key cache: a revoked key is refused on the very next request (the cache window is 0 s).
    stack = await startTestStack("sqlite", { web: WEB, keyCacheSeconds: 0 });
    origin = new URL(stack.url).origin;
    keys.official = await stack.keys.create({ role: "OFFICIAL", country: "CR", label: "DGME Paso Canoas" });
    keys.secretariat = await stack.keys.create({ role: "SECRETARIAT", label: "ST" });
    keys.revoked = await stack.keys.create({ role: "OFFICIAL", country: "PA", label: "SNM" });
  });
  afterAll(() => stack?.stop());

  it("turns a pasted key into a session cookie (HttpOnly, SameSite=Strict, Path=/, not Secure over plain HTTP) and goes back where the visitor was", async () => {
    const visitor = new Visitor(origin);
    const form = await visitor.get("/signin?lang=en&next=%2Fme%2Fcorrections%3Flang%3Den");
    expect(form.headers.get("cache-control")).toBe("private, no-store");
    expect(form.setCookies.join("\n")).toMatch(/^enlace_signin=[A-Za-z0-9_-]{43}; Path=\/signin; HttpOnly; SameSite=Strict; Max-Age=3600$/m);
    expect(form.text).toContain('<input id="f-key" name="key" type="password"');
    const signedIn = await visitor.post("/signin?lang=en", { csrf: csrfOf(form.text), key: keys.official.key, next: "/me/corrections?lang=en" });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe("/me/corrections?lang=en");
    const session = signedIn.setCookies.find((c) => c.startsWith("enlace_session="))!;
    expect(session).toMatch(/^enlace_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const mine = await visitor.get(signedIn.location!);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("cache-control")).toBe("private, no-store");
    expect(mine.text).toContain("<h1>My reports</h1>");
    expect(mine.text).toContain("Sign out");
    // A signed-in visitor's directory page is theirs alone: never the shared copy, never stored.
    const home = await visitor.get("/?lang=en");
    expect(home.headers.get("cache-control")).toBe("private, no-store");
    expect(home.headers.get("x-cache")).toBeNull();
    expect(home.text).toContain('href="/me/corrections?lang=en"');
    expect(visitor.seen.join("\n")).not.toContain(keys.official.key);
  });

  it("refuses a wrong key with the form again (400), stores nothing, and says nothing of which part was wrong", async () => {
    const wrongSecret = keys.official.key.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    for (const key of [wrongSecret, "enl_000000000000_" + "x".repeat(43), "not a key", ""]) {
      const visitor = new Visitor(origin);
      const answer = await signIn(visitor, key);
      expect(answer.status, key).toBe(400);
      expect(answer.text).toContain("This key was not accepted.");
      expect(answer.setCookies.some((c) => c.startsWith("enlace_session="))).toBe(false);
      expect(visitor.cookies.has("enlace_session")).toBe(false);
      expect(answer.text).not.toContain(key || 'value=""');
    }
  });

  it("refuses a sign-in form without its token (login CSRF) or posted from another site", async () => {
    const visitor = new Visitor(origin);
    const form = await visitor.get("/signin?lang=en");
    const noToken = await visitor.post("/signin?lang=en", { key: keys.official.key });
    expect(noToken.status).toBe(403);
    const elsewhere = await visitor.post("/signin?lang=en", { csrf: csrfOf(form.text), key: keys.official.key }, { origin: "https://evil.example" });
    expect(elsewhere.status).toBe(403);
    expect(visitor.cookies.has("enlace_session")).toBe(false);
  });

  it("goes back to a local page only: never to another host", async () => {
    for (const next of ["//evil.example/x", "https://evil.example/", "/\\evil.example", "/signout"]) {
      const visitor = new Visitor(origin);
      const form = await visitor.get("/signin?lang=en");
      const answer = await visitor.post("/signin?lang=en", { csrf: csrfOf(form.text), key: keys.official.key, next });
      expect(answer.status, next).toBe(303);
      expect(answer.location, next).toBe("/?lang=en");
    }
  });

  it("sends an anonymous visitor to sign in and back; a signed-in visitor of the wrong role gets a 403 that says which key", async () => {
    const anonymous = new Visitor(origin);
    const redirected = await anonymous.get("/secretariat?lang=en");
    expect(redirected.status).toBe(303);
    expect(redirected.location).toBe("/signin?next=%2Fsecretariat%3Flang%3Den&lang=en");
    expect((await anonymous.get("/me/corrections")).status).toBe(303);

    const official = new Visitor(origin);
    await signIn(official, keys.official.key);
    for (const path of ["/secretariat?lang=en", "/secretariat/data-quality?lang=en"]) {
      const refused = await official.get(path);
      expect(refused.status, path).toBe(403);
      expect(refused.text).toContain("sign in with a secretariat key");
      expect(refused.headers.get("cache-control")).toBe("private, no-store");
    }
    const secretariat = new Visitor(origin);
    await signIn(secretariat, keys.secretariat.key);
    const notAnOfficial = await secretariat.get("/me/corrections?lang=en");
    expect(notAnOfficial.status).toBe(403);
    expect(notAnOfficial.text).toContain("sign in with an official's key");
  });

  it("refuses a form without this session's CSRF token, or from another origin, with a 403 and changes nothing", async () => {
    const official = new Visitor(origin);
    await signIn(official, keys.official.key);
    const page = await official.get(`/offices/${OFFICE}?lang=en`);
    expect(page.text).toContain("Report what you found");
    const token = csrfOf(page.text);
    const form = { comment: "The number does not answer", phones: "+507 264 3043" };
    const before = await pendingIds();
    for (const [csrf, headers] of [
      [undefined, {}],
      ["x".repeat(43), {}],
      [token, { origin: "https://evil.example" }],
      [token, { origin: "null" }],
    ] as const) {
      const refused = await official.post(`/offices/${OFFICE}/corrections?lang=en`, { ...form, ...(csrf && { csrf }) }, headers);
      expect(refused.status).toBe(403);
      expect(refused.text).toContain("Form not accepted");
    }
    // Another session's token is no good either.
    const other = new Visitor(origin);
    await signIn(other, keys.official.key);
    const otherToken = csrfOf((await other.get("/?lang=en")).text);
    expect(otherToken).not.toBe(token);
    expect((await official.post(`/offices/${OFFICE}/corrections?lang=en`, { ...form, csrf: otherToken })).status).toBe(403);
    // Anonymous: no session, no token.
    expect((await new Visitor(origin).post(`/offices/${OFFICE}/corrections`, { ...form, csrf: token })).status).toBe(403);
    expect(await pendingIds()).toEqual(before);
  });

  it("an official's report: field errors shown next to the field with the values kept; then sent, listed as theirs and in the secretariat's queue", async () => {
    const official = new Visitor(origin);
    await signIn(official, keys.official.key);
    const page = await official.get(`/offices/${OFFICE}?lang=en`);
    const csrf = csrfOf(page.text);
    const before = await pendingIds();

    const bad = await official.post(`/offices/${OFFICE}/corrections?lang=en`, { csrf, comment: "The old number does not answer", phones: "+507 264 3043\nnot a phone" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('<span class="error-text" id="r-phones-error">“not a phone” is not a valid phone number');
    expect(bad.text).toMatch(/<textarea id="r-phones" name="phones"[^>]*aria-invalid="true"[^>]*>\+507 264 3043\nnot a phone<\/textarea>/);
    expect(bad.text).toMatch(/<textarea id="r-comment"[^>]*>The old number does not answer<\/textarea>/);
    const noChange = await official.post(`/offices/${OFFICE}/corrections?lang=en`, { csrf, comment: "Nobody answers" });
    expect(noChange.status).toBe(400);
    expect(noChange.text).toContain("Propose at least one corrected detail");
    expect(await pendingIds()).toEqual(before);

    const sent = await official.post(`/offices/${OFFICE}/corrections?lang=en`, { csrf, comment: "The old number does not answer", phones: "+507 264 3043" });
    expect(sent.status).toBe(303);
    expect(sent.location).toMatch(/^\/me\/corrections\?sent=[0-9a-f-]{36}&lang=en$/);
    const mine = await official.get(sent.location!);
    expect(mine.text).toContain("Thank you: your report was sent");
    expect(mine.text).toContain("Awaiting review");
    expect(mine.text).toContain("The old number does not answer");
    expect(mine.text).toContain("+507 264 3043");

    const secretariat = new Visitor(origin);
    await signIn(secretariat, keys.secretariat.key);
    const queue = await secretariat.get("/secretariat?lang=en");
    expect(queue.status).toBe(200);
    const id = new URLSearchParams(sent.location!.split("?")[1]).get("sent")!;
    expect(queue.text).toContain(`id="correction-${id}"`);
    expect(queue.text).toContain('<th scope="row">Phones</th>');
    expect(queue.text).toContain("<td>+507 264 3043</td>");
  });

  it("the secretariat accepts one (the office shows the new value), declines one with a reason (the official sees it), and is told of a version conflict", async () => {
    const official = new Visitor(origin);
    await signIn(official, keys.official.key);
    const csrf = csrfOf((await official.get(`/offices/${OFFICE}?lang=en`)).text);
    const report = async (comment: string, fields: Record<string, string>) => {
      const sent = await official.post(`/offices/${OFFICE}/corrections?lang=en`, { csrf, comment, ...fields });
      expect(sent.status).toBe(303);
      return new URLSearchParams(sent.location!.split("?")[1]).get("sent")!;
    };
    const toAccept = await report("New number given at the counter", { phones: "+507 264 3044" });
    const toReject = await report("Found this site", { website: "https://example.org/not-the-embassy" });
    const stale = await report("Mail bounced", { emails: "consular.test@example.org" });

    const secretariat = new Visitor(origin);
    await signIn(secretariat, keys.secretariat.key);
    const queue = await secretariat.get("/secretariat?lang=en");
    const token = csrfOf(queue.text);
    const version = /name="representationVersion" value="(\d+)"/.exec(queue.text)![1];
    const before = await officePhones();
    expect(Number(version)).toBe(before.version);

    const noReason = await secretariat.post(`/secretariat/corrections/${toReject}/reject?lang=en`, { csrf: token, reason: "  " });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain("Say why you decline it");

    const accepted = await secretariat.post(`/secretariat/corrections/${toAccept}/accept?lang=en`, { csrf: token, representationVersion: version });
    expect(accepted.status).toBe(303);
    expect(accepted.location).toBe("/secretariat?done=accepted&lang=en");
    expect(await officePhones()).toEqual({ version: before.version + 1, phones: [{ e164: "+5072643044" }] });
    const office = await new Visitor(origin).get(`/offices/${OFFICE}?lang=en`);
    expect(office.text).toContain('href="tel:+5072643044"');

    // The page was loaded before the office changed: its version is stale now.
    const conflict = await secretariat.post(`/secretariat/corrections/${stale}/accept?lang=en`, { csrf: token, representationVersion: version });
    expect(conflict.status).toBe(409);
    expect(conflict.text).toContain("The office changed after this page was loaded");
    expect((await pendingIds()).map((c) => c.id)).toContain(stale);

    const rejected = await secretariat.post(`/secretariat/corrections/${toReject}/reject?lang=en`, { csrf: token, reason: "Not the embassy's site" });
    expect(rejected.status).toBe(303);
    const mine = await official.get("/me/corrections?lang=en");
    expect(mine.text).toContain("Accepted and applied");
    expect(mine.text).toMatch(/Declined<\/strong>[\s\S]*Why:<\/strong> Not the embassy's site/);
    expect(official.seen.concat(secretariat.seen).join("\n")).not.toMatch(new RegExp(`${keys.official.key}|${keys.secretariat.key}`));
  });

  it("shows the secretariat the data-quality report: counts, and long lists cut with how many there are", async () => {
    const secretariat = new Visitor(origin);
    await signIn(secretariat, keys.secretariat.key, "/secretariat/data-quality?lang=en");
    const page = await secretariat.get("/secretariat/data-quality?lang=en");
    expect(page.status).toBe(200);
    expect(page.text).toContain("<h1>Data quality</h1>");
    expect(page.text).toMatch(/Not verified for over a year \(or never\)<\/a>: \d+/);
    expect(page.text).toMatch(/Showing 25 of [\d,]+\./);
    const rows = page.text.split('id="q-verified"')[1].split("</section>")[0].match(/<tr>/g) ?? [];
    expect(rows).toHaveLength(26); // a header and 25 offices
  });

  it("signs out: the session ends and its cookie is cleared; the old cookie is worth nothing", async () => {
    const visitor = new Visitor(origin);
    await signIn(visitor, keys.official.key);
    const cookie = visitor.cookies.get("enlace_session")!;
    const home = await visitor.get("/?lang=en");
    expect((await visitor.post("/signout?lang=en", {})).status).toBe(403); // the sign-out form carries the token too
    const out = await visitor.post("/signout?lang=en", { csrf: csrfOf(home.text) });
    expect(out.status).toBe(303);
    expect(out.location).toBe("/?lang=en");
    expect(out.setCookies).toContain("enlace_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    const replayed = await fetch(`${origin}/me/corrections?lang=en`, { headers: { cookie: `enlace_session=${cookie}` }, redirect: "manual" });
    expect(replayed.status).toBe(303);
    // A public page asked with the dead cookie clears it, and that answer is not the shared copy.
    const home2 = await fetch(`${origin}/?lang=en`, { headers: { cookie: `enlace_session=${cookie}` } });
    expect(home2.headers.getSetCookie()).toEqual(["enlace_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"]);
    expect(home2.headers.get("cache-control")).toBe("private, no-store");
  });

  it("ends the sessions of a revoked key at the next request (within the key cache window, 0 s here) and treats the visitor as public", async () => {
    const visitor = new Visitor(origin);
    await signIn(visitor, keys.revoked.key);
    expect((await visitor.get("/me/corrections?lang=en")).status).toBe(200);
    expect(await stack.keys.revoke(keys.revoked.id)).toBe(true);
    const after = await visitor.get("/me/corrections?lang=en");
    expect(after.status).toBe(303);
    expect(after.setCookies).toContain("enlace_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    expect(visitor.cookies.has("enlace_session")).toBe(false);
    const home = await visitor.get("/?lang=en");
    expect(home.text).toContain('href="/signin?lang=en"');
    expect(home.headers.get("cache-control")).toMatch(/^public/);
  });

  it("gives a signed-in official their own country as the lookup's place country", async () => {
    const official = new Visitor(origin);
    await signIn(official, keys.official.key);
    const lookup = await official.get("/lookup?lang=en");
    expect(lookup.status).toBe(200);
    expect(lookup.text).toContain('<option value="CR" selected>');
    expect(lookup.text).toContain("Place country: Costa Rica (yours)");
    expect((await new Visitor(origin).get("/lookup?lang=en")).text).not.toContain('<option value="CR" selected>');
  });

  it("shows the report form to officials only; the public office page stays shared", async () => {
    const anonymous = await new Visitor(origin).get(`/offices/${OFFICE}?lang=en`);
    expect(anonymous.text).not.toContain("Report what you found");
    expect(anonymous.headers.get("cache-control")).toMatch(/^public/);
    const secretariat = new Visitor(origin);
    await signIn(secretariat, keys.secretariat.key);
    expect((await secretariat.get(`/offices/${OFFICE}?lang=en`)).text).not.toContain("Report what you found");
  });
});

describe("session cookies behind HTTPS (WEB_SECURE_COOKIES)", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack("sqlite", { web: { ...WEB, secureCookies: true } });
  });
  afterAll(() => stack?.stop());

  it("marks the session and sign-in cookies Secure", async () => {
    const { key } = await stack.keys.create({ role: "SECRETARIAT", label: "ST" });
    const visitor = new Visitor(new URL(stack.url).origin);
    const form = await visitor.get("/signin");
    expect(form.setCookies[0]).toMatch(/^enlace_signin=.*; HttpOnly; SameSite=Strict; Max-Age=3600; Secure$/);
    const signedIn = await visitor.post("/signin", { csrf: csrfOf(form.text), key });
    expect(signedIn.status).toBe(303);
    expect(signedIn.setCookies.find((c) => c.startsWith("enlace_session="))).toMatch(/^enlace_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
  });
});
