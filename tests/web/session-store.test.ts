import type { Request, Response } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeyStore } from "../../gateway/src/auth/key-store";
import { localPath, sameToken } from "../../web/src/session/checks";
import { SessionStore } from "../../web/src/session/session-store";
import { sessionViewerOf } from "../../web/src/session/viewer";
import { createTestDatabases, type TestDatabases } from "../helpers/databases";

const HOUR = 3600_000;

describe("SessionStore", () => {
  const clock = () => {
    let now = 1_000_000;
    return { now: () => now, advance: (ms: number) => void (now += ms) };
  };

  it("gives 256-bit random ids and finds a session only by its id", () => {
    const store = new SessionStore();
    const a = store.create("key-a");
    const b = store.create("key-b");
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.id).not.toBe(b.id);
    expect(a.session.csrf).not.toBe(b.session.csrf);
    expect(store.touch(a.id)?.key).toBe("key-a");
    expect(store.touch(`${a.id}x`)).toBeUndefined();
  });

  it("ends a session left idle for the idle period, and any session at its maximum age", () => {
    const time = clock();
    const store = new SessionStore({ idleMs: 8 * HOUR, maxAgeMs: 24 * HOUR, maxSessions: 10 }, time.now);
    const idle = store.create("k").id;
    const busy = store.create("k").id;
    for (let i = 0; i < 3; i++) {
      time.advance(7 * HOUR);
      expect(store.touch(busy)).toBeDefined();
    }
    expect(store.touch(idle)).toBeUndefined(); // 21 h without use
    time.advance(3 * HOUR);
    expect(store.touch(busy)).toBeUndefined(); // used 3 h ago, but signed in 24 h ago
    expect(store.size).toBe(0);
  });

  it("keeps at most maxSessions: a new one ends the least recently used", () => {
    const time = clock();
    const store = new SessionStore({ idleMs: 8 * HOUR, maxAgeMs: 24 * HOUR, maxSessions: 3 }, time.now);
    const ids = [store.create("1").id, store.create("2").id, store.create("3").id];
    time.advance(1000);
    store.touch(ids[0]);
    store.create("4");
    expect(store.size).toBe(3);
    expect(store.touch(ids[1])).toBeUndefined();
    expect(store.touch(ids[0])?.key).toBe("1");
    expect(store.touch(ids[2])?.key).toBe("3");
  });
});

describe("the session checks", () => {
  it("go back to local paths only", () => {
    expect(localPath("/offices/x?lang=en")).toBe("/offices/x?lang=en");
    expect(localPath("/secretariat")).toBe("/secretariat");
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "offices", "/signin?next=/", "/signout", "/a\nb", "", 42]) expect(localPath(bad), String(bad)).toBeUndefined();
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
    const sessions = new SessionStore();
    const viewerOf = sessionViewerOf(sessions, web, false);
    const { id, session } = sessions.create(key);
    const signedIn = request(`other=1; enlace_session=${id}`);
    expect(await viewerOf(signedIn.req, signedIn.res)).toEqual({ viewer: { role: "OFFICIAL", country: "GT", label: "OFFICIAL · GT", csrf: session.csrf }, key });
    expect(signedIn.setCookies).toEqual([]);

    expect(await elsewhere.revoke(keyId)).toBe(true);
    const after = request(`enlace_session=${id}`);
    expect(await viewerOf(after.req, after.res)).toEqual({ viewer: { role: "PUBLIC" } });
    expect(after.setCookies).toEqual(["enlace_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"]);
    expect(sessions.size).toBe(0);
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
