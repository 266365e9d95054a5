import type { Request, Response } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeyStore } from "../../gateway/src/auth/key-store";
import { localPath, sameToken } from "../../web/src/session/checks";
import { KeySealer, MemorySessions, SessionStore } from "../../web/src/session/session-store";
import { sessionViewerOf } from "../../web/src/session/viewer";
import { createTestDatabases, type TestDatabases } from "../helpers/databases";

const HOUR = 3600_000;

describe("SessionStore", () => {
  const clock = () => {
    let now = 1_000_000;
    return { now: () => now, advance: (ms: number) => void (now += ms) };
  };

  it("gives 256-bit random ids and finds a session only by its id", async () => {
    const store = new SessionStore();
    const a = await store.create("key-a", "a");
    const b = await store.create("key-b", "b");
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.id).not.toBe(b.id);
    expect(a.session.csrf).not.toBe(b.session.csrf);
    expect((await store.touch(a.id))?.key).toBe("key-a");
    expect(await store.touch(`${a.id}x`)).toBeUndefined();
  });

  it("ends a session left idle for the idle period, and any session at its maximum age", async () => {
    const time = clock();
    const backend = new MemorySessions();
    const store = new SessionStore(backend, new KeySealer("s"), { idleMs: 8 * HOUR, maxAgeMs: 24 * HOUR, maxPerKey: 10 }, time.now);
    const idle = (await store.create("k", "k")).id;
    const busy = (await store.create("k", "k")).id;
    for (let i = 0; i < 3; i++) {
      time.advance(7 * HOUR);
      expect(await store.touch(busy)).toBeDefined();
    }
    expect(await store.touch(idle)).toBeUndefined(); // 21 h without use
    time.advance(3 * HOUR);
    expect(await store.touch(busy)).toBeUndefined(); // used 3 h ago, but signed in 24 h ago
    expect(backend.size).toBe(0);
  });

  it("keeps at most maxPerKey sessions of one key: a new one ends that key's least recently used, never another key's", async () => {
    const time = clock();
    const backend = new MemorySessions();
    const store = new SessionStore(backend, new KeySealer("s"), { idleMs: 8 * HOUR, maxAgeMs: 24 * HOUR, maxPerKey: 3 }, time.now);
    const other = (await store.create("secretariat", "st")).id;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      time.advance(1000);
      ids.push((await store.create("official", "of")).id);
    }
    time.advance(1000);
    await store.touch(ids[0]);
    for (let i = 0; i < 50; i++) await store.create("official", "of"); // one key signing in again and again
    expect(await store.countForKey("of")).toBe(3);
    expect((await store.touch(other))?.key).toBe("secretariat");
  });

  it("keeps the API key sealed: another gateway with the same secret opens it, another secret cannot", async () => {
    const backend = new MemorySessions();
    const { id } = await new SessionStore(backend, new KeySealer("shared secret")).create("enl_x", "x");
    expect((await new SessionStore(backend, new KeySealer("shared secret")).touch(id))?.key).toBe("enl_x");
    expect(await new SessionStore(backend, new KeySealer("another secret")).touch(id)).toBeUndefined();
  });
});

describe("the session checks", () => {
  it("go back to local paths only", () => {
    expect(localPath("/offices/x?lang=en")).toBe("/offices/x?lang=en");
    expect(localPath("/secretariat")).toBe("/secretariat");
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "offices", "/signin?next=/", "/signout", "/a\nb", "", 42])
      expect(localPath(bad), String(bad)).toBeUndefined();
  });

  it("compare tokens whole, refusing empty or missing ones", () => {
    expect(sameToken("abc", "abc")).toBe(true);
    expect(sameToken("abd", "abc")).toBe(false);
    expect(sameToken("abcd", "abc")).toBe(false);
    expect(sameToken("", "")).toBe(false);
    expect(sameToken(undefined, "abc")).toBe(false);
    expect(sameToken(["abc"], "abc")).toBe(false);
    expect(sameToken("abc", undefined)).toBe(false);
  });
});

describe("sessionViewerOf", () => {
  let databases: TestDatabases;
  let web: KeyStore;
  let elsewhere: KeyStore;
  beforeAll(async () => {
    databases = await createTestDatabases("sqlite", ["gateway"]);
    // The web pages' gateway process, with no key cache, and another process (`npm run keys -- revoke`) on the same database.
    web = await KeyStore.open(databases.config("gateway"), 0);
    elsewhere = await KeyStore.open(databases.config("gateway"), 0);
  });
  afterAll(async () => {
    await web?.close();
    await elsewhere?.close();
    await databases?.drop();
  });

  const request = (cookie?: string) => {
    const headers: string[] = [];
    const req = { headers: cookie ? { cookie } : {}, secure: false } as unknown as Request;
    const res = { headersSent: false, append: (_: string, value: string) => void headers.push(value), getHeader: () => undefined } as unknown as Response;
    return { req, res, setCookies: headers };
  };

  it("is the key's role, country and the session's CSRF token; and public once the key is revoked, with the session ended and its cookie cleared", async () => {
    const { id: keyId, key } = await web.create({ role: "OFFICIAL", country: "GT", label: "IGM" });
    const backend = new MemorySessions();
    const sessions = new SessionStore(backend);
    const viewerOf = sessionViewerOf(sessions, web, false);
    const { id, session } = await sessions.create(key, keyId);
    const signedIn = request(`other=1; enlace_session=${id}`);
    expect(await viewerOf(signedIn.req, signedIn.res)).toEqual({ viewer: { role: "OFFICIAL", country: "GT", label: "OFFICIAL · GT", csrf: session.csrf }, key });
    expect(signedIn.setCookies).toEqual([]);

    expect(await elsewhere.revoke(keyId)).toBe(true);
    const after = request(`enlace_session=${id}`);
    expect(await viewerOf(after.req, after.res)).toEqual({ viewer: { role: "PUBLIC" } });
    expect(after.setCookies).toEqual(["enlace_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"]);
    expect(backend.size).toBe(0);
  });

  it("treats a visitor without a cookie, or with an unknown one, as public", async () => {
    const viewerOf = sessionViewerOf(new SessionStore(), web, true);
    const none = request();
    expect(await viewerOf(none.req, none.res)).toEqual({ viewer: { role: "PUBLIC" } });
    const unknown = request("enlace_session=" + "A".repeat(43));
    expect(await viewerOf(unknown.req, unknown.res)).toEqual({ viewer: { role: "PUBLIC" } });
    expect(unknown.setCookies).toEqual(["enlace_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure"]);
  });
});
