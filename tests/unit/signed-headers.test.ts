import { afterEach, describe, expect, it, vi } from "vitest";
import { signedHeaders } from "../../gateway/src/data-source";
import { IDENTITY_HEADER, IDENTITY_MAX_AGE_SECONDS, identityVerifier, Role, signIdentity, verifyIdentity, type Identity } from "../../platform/src/identity";

const SECRET = "a".repeat(40);

describe("the gateway's signed identity headers", () => {
  afterEach(() => vi.useRealTimers());

  it("are signed once per second and caller, verify at the subgraph, and never carry another secret's signature", () => {
    vi.useFakeTimers({ now: new Date("2026-12-07T20:00:00.100Z") });
    const official: Identity = { role: Role.OFFICIAL, country: "MX", keyId: "k1" };
    const first = signedHeaders(official, SECRET);
    expect(verifyIdentity(first, SECRET)).toEqual({ ok: true, identity: official });
    vi.advanceTimersByTime(800); // the same second
    expect(signedHeaders(official, SECRET)).toBe(first);
    expect(verifyIdentity(signedHeaders(official, "b".repeat(40)), SECRET).ok).toBe(false);
    expect(signedHeaders({ ...official }, SECRET)).not.toBe(first); // another caller's object is signed for itself
    vi.advanceTimersByTime(200); // the next second: a new iat
    const next = signedHeaders(official, SECRET);
    expect(next).not.toEqual(first);
    expect(verifyIdentity(next, SECRET)).toEqual({ ok: true, identity: official });
  });
});

describe("a subgraph's identity verifier", () => {
  it("checks a pair of headers' signature once, their age every time, and never remembers a refusal", () => {
    const now = Date.parse("2026-12-08T01:00:00Z");
    const verify = identityVerifier(SECRET);
    const headers = signIdentity({ role: Role.OFFICIAL, country: "GT" }, SECRET, now);
    const first = verify(headers, now);
    expect(first).toEqual({ ok: true, identity: { role: Role.OFFICIAL, country: "GT" } });
    const again = verify(headers, now + 1_000);
    expect(again.ok && first.ok && again.identity).toBe(first.ok && first.identity); // the same object: remembered, not verified again
    expect(verify(headers, now + (IDENTITY_MAX_AGE_SECONDS + 1) * 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/expired/) });
    expect(verify(headers, now + (IDENTITY_MAX_AGE_SECONDS + 2) * 1000).ok).toBe(false); // forgotten once too old, still refused
    const forged = { ...headers, [IDENTITY_HEADER]: Buffer.from(JSON.stringify({ role: Role.SECRETARIAT, iat: now / 1000 })).toString("base64url") };
    expect(verify(forged, now).ok).toBe(false);
    expect(verify(forged, now).ok).toBe(false); // a refusal is not remembered as anything
    const fresh = verify(signIdentity({ role: Role.OFFICIAL, country: "GT" }, SECRET, now + 2_000), now + 2_000);
    expect(fresh.ok && first.ok && fresh.identity).not.toBe(first.ok && first.identity); // another second's pair is verified for itself
  });
});
