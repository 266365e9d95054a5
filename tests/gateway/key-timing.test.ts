import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeyStore } from "../../gateway/src/auth/key-store";
import { createTestDatabases, type TestDatabases } from "../helpers/databases";

/**
 * Issue 19: a wrong secret for an existing key id cost a full scrypt, an unknown id
 * almost nothing, so the time of a 401 told which key ids exist. Now both cost the same
 * work: measured as the process's CPU time (scrypt runs on libuv's threads, which
 * process.cpuUsage counts), not the wall clock; the two must be of the same order.
 */
/** A key store on a database of its own, for the describe block that calls it (remembering keys `cacheSeconds`). */
function keyStoreFor(cacheSeconds: number): { keys: KeyStore } {
  let databases: TestDatabases | undefined;
  const store = {} as { keys: KeyStore };
  beforeAll(async () => {
    databases = await createTestDatabases("sqlite", ["gateway"]);
    store.keys = await KeyStore.open(databases.config("gateway"), cacheSeconds);
  });
  afterAll(async () => {
    await store.keys?.close();
    await databases?.drop();
  });
  return store;
}

describe("a refused key costs the same, whether its id exists or not", () => {
  const store = keyStoreFor(0);
  let keys: KeyStore;
  let live: string;
  beforeAll(async () => {
    keys = store.keys;
    live = (await keys.create({ role: "OFFICIAL", country: "GT", label: "IGM" })).id;
  });

  const cpuOf = async (attempt: () => Promise<unknown>, times = 4) => {
    const before = process.cpuUsage();
    for (let i = 0; i < times; i++) await attempt();
    const used = process.cpuUsage(before);
    return used.user + used.system;
  };

  it("an unknown key id and a revoked one spend the scrypt a wrong secret for a live id spends", async () => {
    const secret = "B".repeat(43);
    const wrongSecret = await cpuOf(async () => expect(await keys.authenticate(`enl_${live}_${secret}`)).toBeNull());
    const unknownId = await cpuOf(async () => expect(await keys.authenticate(`enl_0123456789ab_${secret}`)).toBeNull());
    expect(unknownId).toBeGreaterThan(wrongSecret / 2);
    expect(unknownId).toBeLessThan(wrongSecret * 2);
  });
});

describe("a key presented by concurrent requests", () => {
  const store = keyStoreFor(60);
  let keys: KeyStore;
  let key: string;
  let id: string;
  beforeAll(async () => {
    keys = store.keys;
    ({ key, id } = await keys.create({ role: "OFFICIAL", country: "GT", label: "IGM" }));
  });

  // The key store's own statement counter (platform/src/database.ts): one read of the key's row per verification.
  const statements = () => (keys as unknown as { dataSource: { statements: { count: number; reset(): void } } }).dataSource.statements;

  it("is verified once for all of them (one read of its row, one scrypt), then remembered", async () => {
    statements().reset();
    const identities = await Promise.all(Array.from({ length: 10 }, () => keys.authenticate(key)));
    expect(identities.every((identity) => identity?.keyId === id && identity.role === "OFFICIAL")).toBe(true);
    expect(statements().count).toBe(1);
    expect((await keys.authenticate(key))?.keyId).toBe(id);
    expect(statements().count).toBe(1);
  });

  it("revoked while being verified, is refused at once after and not remembered as good", async () => {
    const other = await keys.create({ role: "OFFICIAL", country: "GT", label: "IGM 2" });
    const verifying = keys.authenticate(other.key);
    await keys.revoke(other.id);
    await verifying; // the answer of a check that began before the revocation
    expect(await keys.authenticate(other.key)).toBeNull();
  });
});
