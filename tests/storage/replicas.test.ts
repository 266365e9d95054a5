import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyCacheSecondsFromEnv } from "../../gateway/src/auth/key-store";
import { startStack, type Stack } from "../../stack/start";
import { createTestDatabases, type TestDatabases } from "../helpers/databases";

const OFFICE = "ht-mx-emb-mexico-city";
const TAPACHULA = { latitude: 14.9057, longitude: -92.2635 };
const CACHE_SECONDS = 1;
const NEAREST = `query ($near: NearInput!) { nearestRepresentations(nationalities: ["HT"], near: $near, first: 1) { byNationality { results { distanceKm representation { id } } } } }`;
const FEED = `query ($since: String) { partnerContactChanges(since: $since, first: 1000) { nextToken entries { externalId } } }`;

async function post(stack: Stack, query: string, variables: Record<string, unknown> = {}, key?: string) {
  const response = await fetch(stack.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
}

/**
 * Issue 13, "replicas on PostgreSQL": two complete replicas (a gateway and its own directory,
 * roster and exchange subgraph processes' worth of servers, each with its own caches and
 * nearest index) on the same PostgreSQL databases. What one writes, the other serves.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)("two replicas on one PostgreSQL", () => {
  let databases: TestDatabases;
  let a: Stack;
  let b: Stack;
  let keys: Record<string, string>;
  beforeAll(async () => {
    databases = await createTestDatabases("postgres", ["directory", "roster", "exchange", "gateway"]);
    a = await startStack({ database: databases.config, keyCacheSeconds: CACHE_SECONDS });
    b = await startStack({ database: databases.config, keyCacheSeconds: CACHE_SECONDS, seed: false });
    keys = {
      secretariat: (await a.keys.create({ role: "SECRETARIAT", label: "ST" })).key,
      official: (await a.keys.create({ role: "OFFICIAL", country: "MX", label: "INM" })).key,
      partner: (await a.keys.create({ role: "PARTNER", conference: "CSM", label: "CSM" })).key,
    };
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await databases?.drop();
  });

  it("a write through one replica is seen through the other, the nearest index included", async () => {
    const near = { near: { ...TAPACHULA, country: "MX" } };
    const before = (await post(b, NEAREST, near, keys.official)).body.data.nearestRepresentations.byNationality[0].results[0]; // b builds its index now
    expect(before.representation.id).not.toBe(OFFICE);
    const read = await post(a, `{ representation(id: "${OFFICE}") { version } }`);
    // b's public cache holds the answer before the write (a key is stored the second time it is asked).
    const anonymous = `{ representation(id: "${OFFICE}") { version coordinates { latitude } } }`;
    for (let i = 0; i < 3; i++) expect((await post(b, anonymous)).body.data.representation.version).toBe(read.body.data.representation.version);
    const edit = await post(
      a,
      `mutation { updateRepresentation(id: "${OFFICE}", version: ${read.body.data.representation.version}, changes: { coordinates: { latitude: ${TAPACHULA.latitude}, longitude: ${TAPACHULA.longitude} }, source: "https://example.org/replica-test" }) { version } }`,
      {},
      keys.secretariat,
    );
    expect(edit.body.errors).toBeUndefined();
    expect((await post(b, anonymous)).body.data.representation).toEqual({ version: read.body.data.representation.version + 1, coordinates: { latitude: TAPACHULA.latitude } });
    const after = (await post(b, NEAREST, near, keys.official)).body.data.nearestRepresentations.byNationality[0].results[0];
    expect(after).toEqual({ distanceKm: 0, representation: { id: OFFICE } });
  });

  it("a feed token from one replica works on the other", async () => {
    const token = (await post(a, FEED, {}, keys.partner)).body.data.partnerContactChanges.nextToken;
    const push = await post(
      b,
      `mutation { syncPartnerContacts(batchId: "replica-1", mode: INCREMENTAL, contacts: [{ externalId: "replica-1", country: "PE", topics: ["STATISTICS"], personName: "Persona Ficticia", institution: "Institución ficticia", emails: ["replica-1@example.org"] }]) { counts { created } } }`,
      {},
      keys.partner,
    );
    expect(push.body.data.syncPartnerContacts.counts.created).toBe(1);
    const delta = await post(b, FEED, { since: token }, keys.partner);
    expect(delta.body).toEqual({ data: { partnerContactChanges: { nextToken: expect.any(String), entries: [{ externalId: "replica-1" }] } } });
    expect((await post(a, FEED, { since: delta.body.data.partnerContactChanges.nextToken }, keys.partner)).body.data.partnerContactChanges.entries).toEqual([]);
  });

  it(`a key revoked through one replica is refused by the other once its cache period (${CACHE_SECONDS} s here, 60 s by default) has passed`, async () => {
    expect([a.keys.cacheSeconds, b.keys.cacheSeconds, keyCacheSecondsFromEnv({})]).toEqual([CACHE_SECONDS, CACHE_SECONDS, 60]);
    const created = await a.keys.create({ role: "SECRETARIAT", label: "to revoke" });
    const whoAmI = `{ pendingCorrections(first: 1) { id } }`;
    expect((await post(b, whoAmI, {}, created.key)).status).toBe(200); // b has verified and cached it
    expect(await a.keys.revoke(created.id)).toBe(true);
    expect((await post(a, whoAmI, {}, created.key)).status).toBe(401); // at once where it was revoked
    await new Promise((resolve) => setTimeout(resolve, CACHE_SECONDS * 1000 + 100));
    const refused = await post(b, whoAmI, {}, created.key);
    expect([refused.status, refused.body.errors?.[0].extensions?.code]).toEqual([401, "UNAUTHENTICATED"]);
  });
});
