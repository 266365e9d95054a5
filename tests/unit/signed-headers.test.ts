import { afterEach, describe, expect, it, vi } from "vitest";
import { signedHeaders } from "../../gateway/src/data-source";
import { Role, verifyIdentity, type Identity } from "../../platform/src/identity";

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
