import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { startTestStack, type TestStack } from "../helpers/stack";
import { KeySealer, SessionStore } from "../../web/src/session/session-store";

/**
 * Issue 19, finding 5 and the key-id timing: sign-in throttled per address, failed keys per
 * address and key id, sessions capped per key without ending anyone else's, and sessions
 * in the gateway's database so that a restart keeps them.
 */
describe.each(DATABASES)("sign-in: throttled, capped per key, kept across a restart (%s)", (db) => {
  let stack: TestStack;
  let origin: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    Object.assign(process.env, { SIGNIN_PER_ADDRESS: "40", AUTH_FAILURES_PER_ADDRESS: "8", AUTH_FAILURES_PER_KEY: "5" });
    stack = await startTestStack(db, { web: { frameOrigins: [], secureCookies: false, publicCacheControl: "public, max-age=60" } });
    origin = new URL(stack.url).origin;
  });
  afterAll(async () => {
    for (const name of ["SIGNIN_PER_ADDRESS", "AUTH_FAILURES_PER_ADDRESS", "AUTH_FAILURES_PER_KEY"]) process.env[name] = saved[name];
    await stack?.stop();
  });

  /** Signs in with a key, as the browser does (form token, cookie); the session cookie or the status. */
  const signIn = async (key: string) => {
    const form = await fetch(`${origin}/signin`);
    const cookie = (form.headers.get("set-cookie") ?? "").split(";")[0];
    const token = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
    const response = await fetch(`${origin}/signin`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin },
      body: new URLSearchParams({ csrf: token, key }).toString(),
    });
    const session = /enlace_session=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
    return { status: response.status, session, retryAfter: response.headers.get("retry-after") };
  };
  const viewerOf = async (session: string) => await (await fetch(`${origin}/secretariat`, { redirect: "manual", headers: { cookie: `enlace_session=${session}` } })).status;

  it("one key signing in again and again ends its own oldest sessions, never the secretariat's", async () => {
    const secretariat = (await stack.keys.create({ role: "SECRETARIAT", label: "ST" })).key;
    const official = (await stack.keys.create({ role: "OFFICIAL", country: "GT", label: "IGM" })).key;
    const st = await signIn(secretariat);
    expect(st.status).toBe(303);
    for (let i = 0; i < 25; i++) expect((await signIn(official)).status).toBe(303);
    expect(await viewerOf(st.session as string)).toBe(200);
    expect(await stack.keys.sessions().countForKey((await stack.keys.list()).find((k) => k.role === "OFFICIAL")?.id ?? "")).toBe(20);
  });

  it("wrong secrets for one key id are refused with 429 and Retry-After after 5, before any hash is computed", async () => {
    const { id } = await stack.keys.create({ role: "OFFICIAL", country: "MX", label: "INM" });
    const wrong = `enl_${id}_${"A".repeat(43)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await fetch(stack.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${wrong}` }, body: '{"query":"{ __typename }"}' })).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it("a session lives in the gateway's database: another gateway with the same IDENTITY_SECRET (a restart, a replica) opens it", async () => {
    const key = (await stack.keys.create({ role: "SECRETARIAT", label: "ST 2" })).key;
    const { session } = await signIn(key);
    expect(await viewerOf(session as string)).toBe(200);
    const elsewhere = new SessionStore(stack.keys.sessions(), new KeySealer(stack.identitySecret));
    expect((await elsewhere.touch(session as string))?.key).toBe(key);
    const stranger = new SessionStore(stack.keys.sessions(), new KeySealer("another deployment"));
    expect(await stranger.touch(session as string)).toBeUndefined();
  });
});
