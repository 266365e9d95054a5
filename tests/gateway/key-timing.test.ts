import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeyStore } from "../../gateway/src/auth/key-store";
import { createTestDatabases, type TestDatabases } from "../helpers/databases";

/**
 * Issue 19: a wrong secret for an existing key id cost a full scrypt, an unknown id
 * almost nothing, so the time of a 401 told which key ids exist. Now both cost the same
 * work: measured as the process's CPU time (scrypt runs on libuv's threads, which
 * process.cpuUsage counts), not the wall clock; the two must be of the same order.
 */
describe("a refused key costs the same, whether its id exists or not", () => {
  let databases: TestDatabases;
  let keys: KeyStore;
  let live: string;
  beforeAll(async () => {
    databases = await createTestDatabases("sqlite", ["gateway"]);
    keys = await KeyStore.open(databases.config("gateway"), 0);
    live = (await keys.create({ role: "OFFICIAL", country: "GT", label: "IGM" })).id;
  });
  afterAll(async () => {
    await keys?.close();
    await databases?.drop();
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
