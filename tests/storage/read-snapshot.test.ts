import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { Correction, CorrectionStatus } from "../../subgraphs/directory/src/entities";
import { onFaultPoint } from "../../platform/src/fault-points";
import { DATABASES } from "../helpers/databases";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";

const OFFICE = "ht-mx-emb-mexico-city";
const TAPACHULA = { latitude: 14.9057, longitude: -92.2635 };
const contacts = Array.from({ length: 250 }, (_, i) => ({
  externalId: `snap-${i}`,
  country: "AR",
  topics: ["EXTRA_REGIONAL_FLOWS"],
  personName: `Persona Ficticia ${i}`,
  institution: "Institución ficticia",
  emails: [`snap-${i}@example.org`],
}));

/**
 * Point 6 of issue 13: a write that fails halfway must never have been visible. Each test
 * stops a write inside its open transaction (a fault point), reads through the gateway
 * meanwhile, then makes the write fail: the reads must show the last committed state.
 */
describe.each(DATABASES)("reads see only committed data (%s)", (kind) => {
  let stack: TestStack;
  let as: Record<string, Record<string, string>>;
  let undo: (() => void) | undefined;
  beforeAll(async () => {
    stack = await startTestStack(kind);
    as = await stack.callers(ROLE_KEYS);
  });
  afterAll(() => stack?.stop());
  afterEach(() => undo?.());

  it("a partner batch that fails halfway was never visible to the list, federation or the feed", async () => {
    const seen: Record<string, number> = {};
    undo = onFaultPoint("exchange.batch", async () => {
      const list = await stack.query(`{ partnerContacts(filter: { country: ["AR"] }, first: 100) { externalId } }`, {}, as.secretariat);
      const country = await stack.query(`{ country(code: "AR") { partnerContacts { externalId } } }`, {}, as.secretariat);
      const feed = await stack.query(`{ partnerContactChanges(since: "", first: 1000) { entries { externalId } } }`, {}, as.secretariat);
      const snap = (ids: { externalId: string }[] | undefined) => (ids ?? []).filter((c) => c.externalId.startsWith("snap-")).length;
      seen.list = snap(list.body.data?.partnerContacts);
      seen.country = snap(country.body.data?.country.partnerContacts);
      seen.feed = snap(feed.body.data?.partnerContactChanges.entries);
      seen.errors = [list, country, feed].reduce((n, r) => n + (r.body.errors?.length ?? 0), 0);
      throw new Error("injected: the batch fails after writing its contacts");
    });
    const push = await stack.query(
      `mutation ($c: [PartnerContactInput!]!) { syncPartnerContacts(batchId: "snapshot-1", mode: INCREMENTAL, contacts: $c) { counts { created } } }`,
      { c: contacts },
      as.partner,
    );
    expect(push.body.errors?.[0].extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(seen).toEqual({ list: 0, country: 0, feed: 0, errors: 0 });
    const after = await stack.query(`{ partnerContacts(filter: { country: ["AR"] }, first: 100) { externalId } }`, {}, as.secretariat);
    expect(after.body.data.partnerContacts.filter((c: { externalId: string }) => c.externalId.startsWith("snap-"))).toEqual([]);
  });

  it("an edit that fails before its commit was never visible to lookups, search or the nearest index", async () => {
    const read = async () => {
      const office = await stack.query(
        `{ representation(id: "${OFFICE}") { city version coordinates { latitude } auditTrail { action } } representations(filter: { text: "fantasma" }) { totalCount } }`,
        {},
        as.secretariat,
      );
      const nearest = await stack.query(
        `query ($near: NearInput!) { nearestRepresentations(nationalities: ["HT"], near: $near, first: 1) { byNationality { results { distanceKm representation { id } } } } }`,
        { near: { ...TAPACHULA, country: "MX" } },
        as.official,
      );
      return { office: office.body.data, nearest: nearest.body.data?.nearestRepresentations.byNationality[0].results[0], errors: [office, nearest].flatMap((r) => r.body.errors ?? []) };
    };
    const before = await read();
    expect(before.errors).toEqual([]);
    expect(before.office.representation.city).toBe("Mexico City");
    let during: Awaited<ReturnType<typeof read>> | undefined;
    undo = onFaultPoint("directory.write", async () => {
      during = await read();
      throw new Error("injected: the edit fails after its UPDATE and audit entry");
    });
    const edit = await stack.query(
      `mutation { updateRepresentation(id: "${OFFICE}", version: ${before.office.representation.version}, changes: { city: "Ciudad Fantasma", coordinates: { latitude: ${TAPACHULA.latitude}, longitude: ${TAPACHULA.longitude} } }) { version } }`,
      {},
      as.secretariat,
    );
    expect(edit.body.errors?.[0].extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(during).toEqual(before);
    expect(await read()).toEqual(before);
  });

  it("a write outside a transaction (a correction report) is not swallowed by another write's rollback", async () => {
    const dataSource = stack.subgraphs.directory.dataSource;
    const version = (await stack.query(`{ representation(id: "${OFFICE}") { version } }`)).body.data.representation.version;
    const id = randomUUID();
    let saving: Promise<unknown> | undefined;
    undo = onFaultPoint("directory.write", async () => {
      // submitCorrection saves without a transaction of its own, while this edit's is open.
      saving = dataSource.manager.save(Correction, {
        id,
        representationId: OFFICE,
        representationVersion: version,
        changes: {},
        comment: "línea ficticia",
        status: CorrectionStatus.PENDING,
        submittedBy: "test",
        submitterCountry: "MX",
        submittedAt: new Date().toISOString(),
        decidedAt: null,
        decisionReason: null,
      });
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve)); // its statements are synchronous: time enough to run
      throw new Error("injected: the edit fails");
    });
    const edit = await stack.query(`mutation { updateRepresentation(id: "${OFFICE}", version: ${version}, changes: { languages: ["fr"] }) { version } }`, {}, as.secretariat);
    expect(edit.body.errors?.[0].extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    await saving;
    expect(await dataSource.manager.countBy(Correction, { id })).toBe(1);
  });
});
