import { EntityManager } from "typeorm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { applyBatch } from "../../subgraphs/exchange/src/batch/apply-batch";
import { BatchMode } from "../../subgraphs/exchange/src/batch/batch.types";
import { PartnerBatch } from "../../subgraphs/exchange/src/entities/partner-batch.entity";
import { PartnerContact } from "../../subgraphs/exchange/src/entities/partner-contact.entity";
import { currentSeq } from "../../subgraphs/kit/src/sync/sync-state";
import { DATABASES } from "../helpers/databases";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";

const SYNC = `mutation ($batchId: String!, $mode: BatchMode!, $contacts: [PartnerContactInput!]!, $remove: [String!], $dryRun: Boolean, $allowRemovals: Int) {
  syncPartnerContacts(batchId: $batchId, mode: $mode, contacts: $contacts, remove: $remove, dryRun: $dryRun, allowRemovals: $allowRemovals) {
    batchId mode replayed dryRun appliedAt counts { created updated unchanged removed rejected }
    rows { index externalId outcome contactId changedFields changes { field from to } field reason }
  }
}`;

const contact = (externalId: string, over: Record<string, unknown> = {}) => ({
  externalId,
  country: "CL",
  topics: ["CHILDREN"],
  personName: `Persona Ficticia ${externalId}`,
  institution: "Institución ficticia de Chile",
  emails: [`${externalId}@example.org`],
  ...over,
});

describe.each(DATABASES)("partner batches (%s)", (db) => {
  let stack: TestStack;
  let as: Record<string, Record<string, string>>;
  const push = (variables: Record<string, unknown>, who = "partner") => stack.query(SYNC, variables, as[who]);
  const contacts = () => stack.subgraphs.exchange.dataSource.manager.find(PartnerContact, { where: { conference: "CSM" }, order: { externalId: "ASC" } });
  const current = async () => (await contacts()).filter((c) => c.removedAt === null);
  const state = async () => ({ rows: JSON.stringify(await contacts()), seq: await currentSeq(stack.subgraphs.exchange.dataSource.manager) });

  beforeAll(async () => {
    stack = await startTestStack(db);
    as = await stack.callers(ROLE_KEYS);
  });
  afterAll(() => stack?.stop());

  it("refuses contacts of countries outside the partner's conference (the CRM's focal points pushed back), naming the field", async () => {
    const before = await state();
    const { body } = await push({ batchId: "outside-csm", mode: "INCREMENTAL", contacts: [contact("crm-gt", { country: "GT" }), contact("crm-mx", { country: "MX" })] });
    expect(body.errors).toBeUndefined();
    expect(body.data.syncPartnerContacts.counts).toMatchObject({ created: 0, rejected: 2 });
    expect(body.data.syncPartnerContacts.rows[0]).toMatchObject({
      outcome: "REJECTED",
      field: "contacts[0].country",
      reason: expect.stringMatching(/^GT is not a member state of CSM; a partner pushes contacts of its own conference's countries \(AR, BO, BR, CL/),
    });
    expect((await state()).rows).toEqual(before.rows);
  });

  it("the seed holds 36 fictitious CSM contacts at example.org, pushed as a batch", async () => {
    const seeded = await current();
    expect(seeded).toHaveLength(36);
    for (const c of seeded) expect(c.emails.every((e) => e.endsWith("@example.org"))).toBe(true);
  });

  it("reports each row: created, updated (with the fields), unchanged, removed and rejected with field and reason", async () => {
    const { body } = await push({
      batchId: "inc-1",
      mode: "INCREMENTAL",
      contacts: [
        contact("n-1", { phones: ["2 2690 4000"], languages: ["es-cl"] }),
        contact("csm-cl-global-compact", {
          topics: ["GLOBAL_COMPACT"],
          personName: "Persona Ficticia CSM 12",
          institution: "Otra institución ficticia",
          emails: ["csm.cl.global-compact@example.org"],
          position: "Punto focal (ficticio)",
          languages: ["es"],
        }),
        contact("csm-ar-extra-regional-flows", {
          country: "AR",
          topics: ["EXTRA_REGIONAL_FLOWS"],
          personName: "Persona Ficticia CSM 2",
          institution: "Institución ficticia de Argentina",
          emails: ["csm.ar.extra-regional-flows@example.org"],
          position: "Punto focal (ficticio)",
          languages: ["es"],
        }),
        contact("bad-mail", { emails: ["not-an-address"] }),
        contact("bad-country", { country: "XX" }),
        contact("bad-topic", { topics: ["WEATHER"] }),
        contact("bad-phone", { phones: ["12"] }),
        contact("no-channel", { emails: [] }),
        contact("n-1"),
        { country: "CL" },
      ],
      remove: ["csm-uy-global-compact", "never-existed"],
    });
    expect(body.errors).toBeUndefined();
    const report = body.data.syncPartnerContacts;
    expect(report).toMatchObject({ batchId: "inc-1", mode: "INCREMENTAL", replayed: false, counts: { created: 1, updated: 1, unchanged: 1, removed: 1, rejected: 8 } });
    const byRow = (i: number) => report.rows.find((r: any) => r.index === i);
    expect(byRow(0)).toMatchObject({ outcome: "CREATED", externalId: "n-1" });
    expect(byRow(1)).toMatchObject({
      outcome: "UPDATED",
      changedFields: ["institution"],
      changes: [{ field: "institution", from: '"Institución ficticia de Chile"', to: '"Otra institución ficticia"' }],
    });
    expect(byRow(2)).toMatchObject({ outcome: "UNCHANGED" });
    expect(byRow(3)).toMatchObject({ outcome: "REJECTED", field: "contacts[3].emails[0]", reason: expect.stringContaining("not an e-mail") });
    expect(byRow(4)).toMatchObject({ outcome: "REJECTED", field: "contacts[4].country" });
    expect(byRow(5)).toMatchObject({ outcome: "REJECTED", field: "contacts[5].topics", reason: expect.stringContaining("WEATHER") });
    expect(byRow(6)).toMatchObject({ outcome: "REJECTED", field: "contacts[6].phones[0]" });
    expect(byRow(7)).toMatchObject({ outcome: "REJECTED", field: "contacts[7].emails", reason: expect.stringContaining("channel") });
    expect(byRow(8)).toMatchObject({ outcome: "REJECTED", field: "contacts[8].externalId", reason: "duplicate of contacts[0] in this batch" });
    expect(byRow(9)).toMatchObject({ outcome: "REJECTED", field: "contacts[9].externalId", reason: "is required" });
    expect(report.rows.filter((r: any) => r.index === null).map((r: any) => [r.externalId, r.outcome, r.field])).toEqual([
      ["csm-uy-global-compact", "REMOVED", null],
      ["never-existed", "REJECTED", "remove[1]"],
    ]);
    const created = (await contacts()).find((c) => c.externalId === "n-1");
    expect(created).toMatchObject({ phones: ["+56226904000"], languages: ["es-CL"], version: 1 });
    expect((await contacts()).find((c) => c.externalId === "csm-uy-global-compact")?.removedAt).not.toBeNull();
    expect((await contacts()).some((c) => c.externalId.startsWith("bad-") || c.externalId === "no-channel")).toBe(false);
  });

  it("a replay returns the first report, marked replayed, and changes nothing", async () => {
    const variables = { batchId: "inc-2", mode: "INCREMENTAL", contacts: [contact("n-2")] };
    const first = (await push(variables)).body.data.syncPartnerContacts;
    const before = await state();
    const again = await push(variables);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data.syncPartnerContacts).toEqual({ ...first, replayed: true });
    expect(await state()).toEqual(before);
  });

  it("the same batchId with other content is refused, and nothing changes", async () => {
    const before = await state();
    const { body } = await push({ batchId: "inc-2", mode: "INCREMENTAL", contacts: [contact("n-2", { personName: "Persona Ficticia otra" })] });
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "batchId" } });
    expect(body.errors?.[0].message).toContain("new batchId");
    expect(await state()).toEqual(before);
  });

  const asInput = (c: PartnerContact) => ({
    externalId: c.externalId,
    country: c.countryCode,
    topics: c.topics,
    personName: c.personName,
    position: c.position,
    institution: c.institution,
    emails: c.emails,
    phones: c.phones,
    languages: c.languages,
  });

  it("a dry run answers the report, writes nothing and leaves the batchId unused", async () => {
    const before = await state();
    const variables = {
      batchId: "dry-1",
      mode: "INCREMENTAL",
      contacts: [contact("dry-new"), contact("csm-cl-global-compact", { personName: "Persona Ficticia cambiada" })],
      remove: ["csm-pe-global-compact"],
      dryRun: true,
    };
    const { body } = await push(variables);
    expect(body.errors).toBeUndefined();
    expect(body.data.syncPartnerContacts).toMatchObject({ dryRun: true, replayed: false, counts: { created: 1, updated: 1, removed: 1, rejected: 0 } });
    expect(body.data.syncPartnerContacts.rows[1]).toMatchObject({ outcome: "UPDATED", changedFields: expect.arrayContaining(["personName"]) });
    expect(await state()).toEqual(before);
    expect(await stack.subgraphs.exchange.dataSource.manager.countBy(PartnerBatch, { batchId: "dry-1" })).toBe(0);
    const real = (await push({ ...variables, contacts: [contact("dry-new")], remove: [], dryRun: false })).body.data.syncPartnerContacts;
    expect(real).toMatchObject({ dryRun: false, replayed: false, counts: { created: 1 } });
  });

  it("refuses a FULL batch that would remove more than 20% of the partner's contacts, with the numbers, and changes nothing", async () => {
    const before = await state();
    const active = (await current()).length;
    const three = (await current()).slice(0, 3).map(asInput);
    for (const dryRun of [true, false]) {
      const { body } = await push({ batchId: "full-3-rows", mode: "FULL", contacts: three, dryRun });
      expect(body.data).toBeNull();
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "allowRemovals", removals: active - 3, current: active, allowed: Math.floor(active * 0.2) } });
      expect(body.errors?.[0].message).toBe(
        `allowRemovals: this FULL batch would remove ${active - 3} of the ${active} current contacts of CSM (${Math.round(((active - 3) / active) * 100)}%), more than the 20% (${Math.floor(active * 0.2)}) a FULL batch may remove unasked; nothing was changed. Check that the file is complete, or send allowRemovals: ${active - 3} to accept these removals`,
      );
    }
    const fewer = await push({ batchId: "full-3-rows", mode: "FULL", contacts: three, allowRemovals: active - 4 });
    expect(fewer.body.errors?.[0]).toMatchObject({ extensions: { field: "allowRemovals", removals: active - 3, allowed: active - 4 } });
    expect(fewer.body.errors?.[0].message).toContain(`more than the ${active - 4} you allowed`);
    for (const [allowRemovals, mode] of [
      [-1, "FULL"],
      [2, "INCREMENTAL"],
    ] as const) {
      const bad = await push({ batchId: "bad-allow", mode, contacts: [contact("x")], allowRemovals });
      expect(bad.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "allowRemovals" } });
    }
    expect(await state()).toEqual(before);
    expect(await stack.subgraphs.exchange.dataSource.manager.countBy(PartnerBatch, { batchId: "full-3-rows" })).toBe(0);
  });

  it("a FULL batch within the share needs no allowRemovals; the share is configurable on the server", async () => {
    const all = (await current()).map(asInput);
    const within = await push({ batchId: "full-within", mode: "FULL", contacts: all.slice(1) });
    expect(within.body.data.syncPartnerContacts.counts).toMatchObject({ removed: 1, unchanged: all.length - 1 });
    const back = await push({ batchId: "full-back", mode: "INCREMENTAL", contacts: [all[0]] });
    expect(back.body.data.syncPartnerContacts.counts.created).toBe(1);
    process.env.EXCHANGE_MAX_REMOVAL_PERCENT = "0";
    try {
      const none = await push({ batchId: "full-none", mode: "FULL", contacts: all.slice(1) });
      expect(none.body.errors?.[0]).toMatchObject({ extensions: { field: "allowRemovals", removals: 1, allowed: 0 } });
    } finally {
      delete process.env.EXCHANGE_MAX_REMOVAL_PERCENT;
    }
  });

  it("rejects a row holding U+FFFD (text already damaged by a wrong decoding), naming the field", async () => {
    const { body } = await push({
      batchId: "fffd",
      mode: "INCREMENTAL",
      contacts: [contact("fffd-1", { personName: "Mar\uFFFDa P\uFFFDrez" }), contact("fffd-2", { emails: ["ok@example.org"], languages: ["es", "p\uFFFD"] })],
    });
    expect(body.data.syncPartnerContacts.rows.map((r: any) => [r.outcome, r.field])).toEqual([
      ["REJECTED", "contacts[0].personName"],
      ["REJECTED", "contacts[1].languages[1]"],
    ]);
    expect(body.data.syncPartnerContacts.rows[0].reason).toMatch(/^holds U\+FFFD .*save it as UTF-8/);
    expect((await contacts()).some((c) => c.externalId.startsWith("fffd-"))).toBe(false);
  });

  it("FULL removes the partner's contacts missing from the batch when allowed, but keeps one whose row was rejected", async () => {
    const keep = (await current()).filter((c) => c.countryCode === "AR");
    const variables = { batchId: "full-1", mode: "FULL", contacts: [...keep.map(asInput), contact("csm-bo-global-compact", { emails: ["broken"] })] };
    const refused = await push(variables);
    const removals = refused.body.errors?.[0].extensions?.removals;
    expect(removals).toBeGreaterThan(30);
    const { body } = await push({ ...variables, allowRemovals: removals });
    expect(body.errors).toBeUndefined();
    const report = body.data.syncPartnerContacts;
    expect(report.counts).toMatchObject({ unchanged: keep.length, rejected: 1, created: 0 });
    const left = (await current()).map((c) => c.externalId).sort();
    expect(left).toEqual([...keep.map((c) => c.externalId), "csm-bo-global-compact"].sort());
    expect(report.counts.removed).toBe(report.rows.filter((r: any) => r.outcome === "REMOVED").length);
    expect(report.counts.removed).toBeGreaterThan(30);
  });

  it("a removed contact pushed again comes back under the same id", async () => {
    const removed = (await contacts()).find((c) => c.externalId === "csm-uy-global-compact")!;
    const { body } = await push({ batchId: "inc-back", mode: "INCREMENTAL", contacts: [contact("csm-uy-global-compact", { country: "UY" })] });
    expect(body.data.syncPartnerContacts.rows[0]).toMatchObject({ outcome: "CREATED", contactId: removed.id });
    expect((await contacts()).find((c) => c.id === removed.id)).toMatchObject({ removedAt: null, version: removed.version + 1 });
  });

  it("refuses a batch over the size limit, a bad batchId and remove with FULL, as a whole and without writing", async () => {
    const before = await state();
    process.env.EXCHANGE_MAX_BATCH = "3";
    try {
      const big = await push({ batchId: "big", mode: "INCREMENTAL", contacts: ["a", "b", "c", "d"].map((id) => contact(id)) });
      expect(big.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "contacts" } });
      expect(big.body.errors?.[0].message).toContain("at most 3");
    } finally {
      delete process.env.EXCHANGE_MAX_BATCH;
    }
    const badId = await push({ batchId: "no spaces", mode: "INCREMENTAL", contacts: [contact("x")] });
    expect(badId.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "batchId" } });
    const fullRemove = await push({ batchId: "full-remove", mode: "FULL", contacts: [], remove: ["n-1"] });
    expect(fullRemove.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "remove" } });
    expect(await state()).toEqual(before);
  });

  it.each(["public", "official", "secretariat"])("refuses a batch from %s (PARTNER only)", async (who) => {
    const { body } = await push({ batchId: `from-${who}`, mode: "INCREMENTAL", contacts: [contact(`by-${who}`)] }, who);
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" } });
    expect((await contacts()).some((c) => c.externalId === `by-${who}`)).toBe(false);
  });

  it("all or nothing: a failure after half the rows were written leaves no row and no batch", async () => {
    const dataSource = stack.subgraphs.exchange.dataSource;
    const before = await state();
    const insert = EntityManager.prototype.insert;
    const spy = vi.spyOn(EntityManager.prototype, "insert").mockImplementation(function (this: EntityManager, target: any, values: any) {
      if (target === PartnerBatch) return Promise.reject(new Error("disk full"));
      return insert.call(this, target, values);
    });
    try {
      await expect(
        applyBatch(dataSource, { conference: "CSM", actor: "test", batchId: "fails", mode: BatchMode.INCREMENTAL, contacts: Array.from({ length: 250 }, (_, i) => contact(`f-${i}`)) }),
      ).rejects.toThrow("disk full");
    } finally {
      spy.mockRestore();
    }
    expect(await state()).toEqual(before);
    expect(await dataSource.manager.countBy(PartnerBatch, { batchId: "fails" })).toBe(0);
  });

  it("two identical batches at the same moment are applied once; both get the same report", async () => {
    const variables = { batchId: "twin", mode: "INCREMENTAL", contacts: [contact("twin-1"), contact("twin-2")] };
    const [a, b] = await Promise.all([push(variables), push(variables)]);
    const reports = [a.body.data.syncPartnerContacts, b.body.data.syncPartnerContacts];
    expect(reports.map((r) => r.replayed).sort()).toEqual([false, true]);
    expect({ ...reports[0], replayed: null }).toEqual({ ...reports[1], replayed: null });
    expect((await contacts()).filter((c) => c.externalId.startsWith("twin-"))).toHaveLength(2);
  });

  it("the batches pushed are listed, newest first, with who pushed them (SECRETARIAT, and the PARTNER its own)", async () => {
    const q = `{ partnerBatches(first: 100) { actor report { batchId conference replayed counts { created } } } }`;
    const mine = (await stack.query(q, undefined, as.partner)).body.data.partnerBatches;
    expect(mine.map((b: any) => b.report.batchId)).toEqual(expect.arrayContaining(["enlace-seed-csm-1", "inc-1", "full-1", "twin"]));
    expect(mine.at(-1)).toMatchObject({ actor: "seed", report: { batchId: "enlace-seed-csm-1", counts: { created: 36 } } });
    expect(mine[0].actor).toMatch(/^[a-z0-9]+$/i);
    expect((await stack.query(q, undefined, as.secretariat)).body.data.partnerBatches).toEqual(mine);
    for (const who of ["public", "official"]) expect((await stack.query(q, undefined, as[who])).body.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" } });
  });
});
