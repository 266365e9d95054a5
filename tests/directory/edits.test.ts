import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editRepresentation } from "../../subgraphs/directory/src/edits/write";
import { AuditEntry } from "../../subgraphs/directory/src/entities";
import { DATABASES } from "../helpers/databases";
import { startTestStack, type TestStack } from "../helpers/stack";

const ID = "ht-mx-emb-mexico-city";
const READ = `query ($id: ID!) { representation(id: $id) { id version address phones { e164 raw } emails website openingHours languages status statusSince
  jurisdiction { basis country { code } } procedures { basis note sourceUrl procedure { code } } provenance { sources lastVerifiedOn } } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $changes: RepresentationChanges!) { updateRepresentation(id: $id, version: $version, changes: $changes) { id version address } }`;

describe.each(DATABASES)("secretariat edits to the directory (%s)", (db) => {
  let stack: TestStack;
  let as: Record<string, Record<string, string>>;
  const read = async (id = ID) => (await stack.query(READ, { id })).body.data.representation;
  const audit = (id = ID) => stack.subgraphs.directory.dataSource.manager.find(AuditEntry, { where: { entityId: id }, order: { id: "ASC" } });

  beforeAll(async () => {
    stack = await startTestStack(db);
    as = await stack.callers({
      secretariat: { role: "SECRETARIAT", label: "ST" },
      official: { role: "OFFICIAL", country: "MX", label: "INM" },
      partner: { role: "PARTNER", conference: "CSM", label: "CSM" },
    });
  });
  afterAll(() => stack?.stop());

  it.each(["public", "official", "partner"])("refuses every write to %s with FORBIDDEN and changes nothing", async (who) => {
    const before = await read();
    const { body } = await stack.query(UPDATE, { id: ID, version: before.version, changes: { address: "Somewhere" } }, as[who]);
    expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(body.data).toBeNull();
    expect(await read()).toEqual(before);
  });

  it("lets the secretariat update an address, and records who changed what", async () => {
    const before = await read();
    const { body } = await stack.query(
      UPDATE,
      { id: ID, version: before.version, changes: { address: "Presa Don Martín 53, Irrigación", phones: ["55 5580 2487"], openingHours: "Mo-Fr 09:00-14:00; PH off", languages: ["ht", "fr", "es"] } },
      as.secretariat,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.updateRepresentation).toEqual({ id: ID, version: before.version + 1, address: "Presa Don Martín 53, Irrigación" });
    const after = await read();
    expect(after.phones).toEqual([{ e164: "+525555802487", raw: "55 5580 2487" }]);
    expect(after.openingHours).toBe("Mo-Fr 09:00-14:00; PH off");
    const [entry] = (await audit()).slice(-1);
    expect(entry).toMatchObject({ action: "UPDATED", actorRole: "SECRETARIAT", changes: { address: [null, "Presa Don Martín 53, Irrigación"] } });
    expect(Object.keys(entry.changes).sort()).toEqual(["address", "languages", "openingHours", "phones"]);
    // Every value with its source (issue 18): each value the write set is sourced by the write itself.
    const { body: sourced } = await stack.query(`query ($id: ID!) { representation(id: $id) { fieldSources { field value url excerpt } } }`, { id: ID });
    const sources = sourced.data.representation.fieldSources;
    for (const [field, value] of [
      ["ADDRESS", "Presa Don Martín 53, Irrigación"],
      ["PHONE", "55 5580 2487"],
      ["OPENING_HOURS", "Mo-Fr 09:00-14:00; PH off"],
    ]) {
      const source = sources.find((s: { field: string; value: string }) => s.field === field && s.value === value);
      expect(source, field).toMatchObject({ url: `enlace:audit/${ID}/v${before.version + 1}` });
      expect(source.excerpt).toContain(value);
      expect(source.excerpt).toMatch(/^UPDATED by the SECRETARIAT on \d{4}-\d{2}-\d{2}: /);
    }
  });

  it("marks a record verified today, with who did it", async () => {
    const before = await read();
    const { body } = await stack.query(
      `mutation ($id: ID!, $v: Int!) { markRepresentationVerified(id: $id, version: $v) { provenance { lastVerifiedOn } } }`,
      { id: ID, v: before.version },
      as.secretariat,
    );
    expect(body.data.markRepresentationVerified.provenance.lastVerifiedOn).toBe(new Date().toISOString().slice(0, 10));
    expect((await audit()).at(-1)).toMatchObject({ action: "VERIFIED" });
  });

  it("lets exactly one of two concurrent updates of the same version win", async () => {
    const { version } = await read();
    const results = await Promise.all(["Calle A 1", "Calle B 2"].map((address) => stack.query(UPDATE, { id: ID, version, changes: { address } }, as.secretariat)));
    const codes = results.map((r) => r.body.errors?.[0].extensions?.code ?? "OK").sort();
    expect(codes).toEqual(["OK", "VERSION_CONFLICT"]);
    const conflict = results.find((r) => r.body.errors)?.body.errors?.[0];
    expect(conflict?.extensions).toMatchObject({ expectedVersion: version, currentVersion: version + 1 });
    expect((await read()).version).toBe(version + 1);
  });

  it("runs concurrent edits of different offices, and of one office exactly one wins, in process too", async () => {
    const ds = stack.subgraphs.directory.dataSource;
    const version = async (id: string) => (await read(id)).version;
    const who = { role: "SECRETARIAT" as never, keyId: "test" };
    const [a, b] = [await version("ht-do-cons-higuey"), await version("ht-do-cons-santiago-de-los-caballeros")];
    const results = await Promise.allSettled([
      editRepresentation(ds, who, "ht-do-cons-higuey", a, "UPDATED", (rep) => void (rep.address = "Calle 1")),
      editRepresentation(ds, who, "ht-do-cons-higuey", a, "UPDATED", (rep) => void (rep.address = "Calle 2")),
      editRepresentation(ds, who, "ht-do-cons-santiago-de-los-caballeros", b, "UPDATED", (rep) => void (rep.address = "Calle 3")),
    ]);
    const outcome = results.map((r) => (r.status === "fulfilled" ? "OK" : ((r.reason as { extensions?: { code?: string } }).extensions?.code ?? String(r.reason))));
    expect([outcome.slice(0, 2).sort(), outcome[2]]).toEqual([["OK", "VERSION_CONFLICT"], "OK"]);
  });

  it.each([
    [{ phones: ["+1 555"] }, "changes.phones[0]"],
    [{ emails: ["consul@example.org", "no-at-sign"] }, "changes.emails[1]"],
    [{ website: "ftp://example.org" }, "changes.website"],
    [{ openingHours: "whenever we like" }, "changes.openingHours"],
    [{ coordinates: { latitude: 91, longitude: 0 } }, "changes.coordinates.latitude"],
    [{ languages: ["not a tag!"] }, "changes.languages[0]"],
    [{ concurrentAccreditation: ["GT", "ZZ"] }, "changes.concurrentAccreditation[1]"],
    [{ address: "x", source: "not a url" }, "changes.source"],
  ])("refuses %j with BAD_USER_INPUT on %s and changes nothing", async (changes, field) => {
    const before = await read();
    const { body } = await stack.query(UPDATE, { id: ID, version: before.version, changes }, as.secretariat);
    expect(body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await read()).toEqual(before);
  });

  it("sets confirmed procedure offers with their source, and refuses them without", async () => {
    const { version } = await read();
    const set = `mutation ($id: ID!, $v: Int!, $offers: [ProcedureOfferInput!]!) { setProcedureOffers(id: $id, version: $v, offers: $offers) { version } }`;
    const noSource = await stack.query(set, { id: ID, v: version, offers: [{ procedure: "PASSPORT" }] }, as.secretariat);
    expect(noSource.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "offers[0].sourceUrl" });
    const offers = [
      { procedure: "PASSPORT", sourceUrl: "https://embajadadehaiti.mx/servicios", note: "by appointment" },
      { procedure: "EMERGENCY_TRAVEL_DOCUMENT", sourceUrl: "https://embajadadehaiti.mx/servicios" },
    ];
    const done = await stack.query(set, { id: ID, v: version, offers }, as.secretariat);
    expect(done.body.errors).toBeUndefined();
    expect(done.body.data.setProcedureOffers.version).toBe(version + 1);
    expect((await read()).procedures).toEqual([
      { basis: "CONFIRMED", note: "by appointment", sourceUrl: "https://embajadadehaiti.mx/servicios", procedure: { code: "PASSPORT" } },
      { basis: "CONFIRMED", note: null, sourceUrl: "https://embajadadehaiti.mx/servicios", procedure: { code: "EMERGENCY_TRAVEL_DOCUMENT" } },
    ]);
  });

  it("closes an office without deleting it: hidden by default, found when asked for", async () => {
    const id = "ht-do-cons-barahona";
    const { version } = await read(id);
    const { body } = await stack.query(
      `mutation ($id: ID!, $v: Int!) { changeRepresentationStatus(id: $id, version: $v, status: CLOSED, since: "2026-10-01") { status statusSince } }`,
      { id, v: version },
      as.secretariat,
    );
    expect(body.data.changeRepresentationStatus).toEqual({ status: "CLOSED", statusSince: "2026-10-01" });
    const list = async (status?: string[]) =>
      (
        await stack.query(`query ($s: [RepresentationStatus!]) { representations(filter: { sendingCountry: ["HT"], hostCountry: ["DO"], status: $s }, first: 50) { nodes { id } } }`, { s: status })
      ).body.data.representations.nodes.map((n: { id: string }) => n.id);
    expect(await list()).not.toContain(id);
    expect(await list(["CLOSED"])).toEqual([id]);
    const bad = await stack.query(
      `mutation ($id: ID!, $v: Int!) { changeRepresentationStatus(id: $id, version: $v, status: ACTIVE, since: "2026-02-30") { status } }`,
      { id, v: version + 1 },
      as.secretariat,
    );
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "since" });
  });

  it("creates an office with inferred offers, its jurisdiction and provenance", async () => {
    const { body } = await stack.query(
      `mutation ($input: NewRepresentationInput!) { createRepresentation(input: $input) { id version kind city status jurisdiction { basis country { code } } procedures { basis procedure { code } } provenance { sources } } }`,
      { input: { kind: "CONSULATE", sendingCountry: "ht", hostCountry: "MX", city: "Tijuana", concurrentAccreditation: ["US"], source: "https://example.org/haiti-tijuana" } },
      as.secretariat,
    );
    expect(body.errors).toBeUndefined();
    const rep = body.data.createRepresentation;
    expect(rep).toMatchObject({ id: "ht-mx-cons-tijuana", version: 1, kind: "CONSULATE", city: "Tijuana", status: "ACTIVE", provenance: { sources: ["https://example.org/haiti-tijuana"] } });
    expect(rep.jurisdiction).toEqual([
      { basis: "RESIDENT", country: { code: "MX" } },
      { basis: "CONCURRENT_ACCREDITATION", country: { code: "US" } },
    ]);
    expect(rep.procedures).toHaveLength(9);
    expect(new Set(rep.procedures.map((p: { basis: string }) => p.basis))).toEqual(new Set(["TYPICAL_FOR_KIND"]));
    const again = await stack.query(
      `mutation { createRepresentation(input: { kind: CONSULATE, sendingCountry: "HT", hostCountry: "HT", source: "https://example.org" }) { id } }`,
      undefined,
      as.secretariat,
    );
    expect(again.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.hostCountry" });
  });

  it("changes an office's kind: inferred offers follow it, confirmed ones stay", async () => {
    const id = "ht-do-cons-dajabon";
    const offers = async () => (await stack.query(`{ representation(id: "${id}") { version kind procedures { basis procedure { code } } } }`)).body.data.representation;
    let { version } = await offers();
    const set = `mutation ($id: ID!, $v: Int!, $offers: [ProcedureOfferInput!]!) { setProcedureOffers(id: $id, version: $v, offers: $offers) { version } }`;
    ({ version } = (await stack.query(set, { id, v: version, offers: [{ procedure: "PASSPORT", sourceUrl: "https://example.org/dajabon" }] }, as.secretariat)).body.data.setProcedureOffers);
    await stack.query(UPDATE, { id, version, changes: { kind: "HONORARY_CONSULATE" } }, as.secretariat);
    const after = await offers();
    expect(after.kind).toBe("HONORARY_CONSULATE");
    expect(after.procedures).toEqual([
      { basis: "CONFIRMED", procedure: { code: "PASSPORT" } },
      { basis: "TYPICAL_FOR_KIND", procedure: { code: "DETAINEE_ASSISTANCE" } },
    ]);
  });

  it("shows the audit trail to the secretariat only: null and FORBIDDEN at its path for others", async () => {
    const q = `{ representation(id: "${ID}") { id auditTrail(first: 2) { action actorRole actor at changes { field from to } } } }`;
    const st = await stack.query(q, undefined, as.secretariat);
    expect(st.body.errors).toBeUndefined();
    const trail = st.body.data.representation.auditTrail;
    expect(trail).toHaveLength(2);
    expect(trail[0]).toMatchObject({ actorRole: "SECRETARIAT", actor: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(trail[0].at > trail[1].at || trail[0].at === trail[1].at).toBe(true);
    for (const who of ["public", "official", "partner"]) {
      const { body } = await stack.query(q, undefined, as[who]);
      expect(body.data.representation).toEqual({ id: ID, auditTrail: null });
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]).toMatchObject({ path: ["representation", "auditTrail"], extensions: { code: "FORBIDDEN" } });
    }
  });

  it("keeps the version when an update changes nothing", async () => {
    const before = await read();
    const { body } = await stack.query(UPDATE, { id: ID, version: before.version, changes: { address: before.address } }, as.secretariat);
    expect(body.data.updateRepresentation.version).toBe(before.version);
  });
});

describe.each(DATABASES)("staleness in the open (%s)", (db) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(db);
  });
  afterAll(() => stack?.stop());

  it("shows anyone how old a record is, reading partial dates conservatively", async () => {
    const { body } = await stack.query(`{ a: representation(id: "ht-do-cons-barahona") { provenance { lastVerifiedOn } staleness { level daysSinceVerified } } }`);
    const { lastVerifiedOn } = body.data.a.provenance;
    const days = Math.floor((Date.parse(new Date().toISOString().slice(0, 10)) - Date.parse(lastVerifiedOn)) / 86_400_000);
    expect(body.data.a.staleness).toEqual({ daysSinceVerified: days, level: days < 180 ? "FRESH" : days < 365 ? "AGING" : "STALE" });
  });

  it("lists records not verified since a date, and drops one once it is verified", async () => {
    const list = async () =>
      (await stack.query(`{ representations(filter: { notVerifiedSince: "2023-01-01", hostCountry: ["MX"] }, first: 100) { totalCount nodes { id provenance { lastVerifiedOn } } } }`)).body.data
        .representations;
    const before = await list();
    expect(before.totalCount).toBeGreaterThan(0);
    for (const node of before.nodes) expect(node.provenance.lastVerifiedOn === null || node.provenance.lastVerifiedOn < "2023-01-01").toBe(true);
    const id = before.nodes[0].id;
    const { key } = await stack.keys.create({ role: "SECRETARIAT", label: "ST" });
    const { version } = (await stack.query(`{ representation(id: "${id}") { version } }`)).body.data.representation;
    await stack.query(`mutation { markRepresentationVerified(id: "${id}", version: ${version}) { version } }`, undefined, { authorization: `Bearer ${key}` });
    const after = await list();
    expect(after.totalCount).toBe(before.totalCount - 1);
    expect(after.nodes.map((n: { id: string }) => n.id)).not.toContain(id);
    const fresh = (await stack.query(`{ representation(id: "${id}") { staleness { level daysSinceVerified } } }`)).body.data.representation;
    expect(fresh.staleness).toEqual({ level: "FRESH", daysSinceVerified: 0 });
    const bad = await stack.query(`{ representations(filter: { notVerifiedSince: "yesterday" }) { totalCount } }`);
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.notVerifiedSince" });
  });
});
