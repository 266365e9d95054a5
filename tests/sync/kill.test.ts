import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeyStore } from "../../gateway/src/auth/key-store";
import { createExchangeDataSource } from "../../subgraphs/exchange/src/database";
import { PartnerBatch } from "../../subgraphs/exchange/src/entities/partner-batch.entity";
import { PartnerContact } from "../../subgraphs/exchange/src/entities/partner-contact.entity";
import { openDatabase } from "../../platform/src/database";
import { currentSeq } from "../../subgraphs/kit/src/sync/sync-state";
import { createTestDatabases, DATABASES, type TestDatabases } from "../helpers/databases";
import { databaseEnv, spawnStack } from "../helpers/spawn-stack";

const BATCH_ID = "csm-nightly-large";
const SIZE = 5000; // the default batch limit
const SYNC = `mutation ($contacts: [PartnerContactInput!]!) { syncPartnerContacts(batchId: "${BATCH_ID}", mode: INCREMENTAL, contacts: $contacts) { replayed counts { created updated unchanged rejected } } }`;
const contacts = Array.from({ length: SIZE }, (_, i) => ({
  externalId: `csm-large-${i}`,
  country: ["AR", "BR", "CL", "PE"][i % 4],
  topics: ["TRAFFICKING_IN_PERSONS"],
  personName: `Persona Ficticia ${i}`,
  institution: "Institución ficticia",
  emails: [`large-${i}@example.org`],
}));

/** `npm start`'s entry point on the test databases, with the exchange's progress in its log. */
const start = (databases: TestDatabases) => spawnStack({ LOG_LEVEL: "info", SEED: "0", ...databaseEnv(databases) });

describe.each(DATABASES)("a batch killed halfway (SIGKILL) (%s)", (kind) => {
  let databases: TestDatabases;
  let key: string;
  beforeAll(async () => {
    databases = await createTestDatabases(kind, ["directory", "roster", "exchange", "gateway"]);
    const keys = await KeyStore.open(databases.config("gateway"));
    key = (await keys.create({ role: "PARTNER", conference: "CSM", label: "CSM" })).key;
    await keys.close();
  });
  afterAll(() => databases?.drop());

  const inDatabase = async () => {
    const ds = await openDatabase(createExchangeDataSource(databases.config("exchange")));
    try {
      const integrity = kind === "sqlite" ? (await ds.query("PRAGMA integrity_check"))[0].integrity_check : "ok";
      return {
        contacts: await ds.manager.countBy(PartnerContact, { lastBatch: BATCH_ID }),
        batches: await ds.manager.countBy(PartnerBatch, { batchId: BATCH_ID }),
        seq: await currentSeq(ds.manager),
        integrity,
      };
    } finally {
      await ds.destroy();
    }
  };
  const push = (url: string) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify({ query: SYNC, variables: { contacts } }) });

  it("leaves the batch fully applied or absent; a replay then applies it exactly once", { timeout: 120_000 }, async () => {
    const first = await start(databases);
    const before = await inDatabase();
    const request = push(first.url).catch((error: Error) => error);
    // Kill the whole process the moment it reports rows written inside the batch's transaction.
    const progress = await new Promise<{ written: number; total: number }>((resolve, reject) => {
      const timer = setInterval(() => {
        const line = first
          .output()
          .split("\n")
          .find((l) => l.includes('"event":"exchange.batch.progress"'));
        if (line) {
          first.child.kill("SIGKILL");
          clearInterval(timer);
          resolve(JSON.parse(line));
        }
      }, 1);
      first.exited.then(() => (clearInterval(timer), reject(new Error(`exited before the batch started: ${first.output()}`))));
    });
    await first.exited;
    const answer = await request;
    expect(progress.written).toBeLessThan(progress.total); // killed in the middle of writing

    const afterKill = await inDatabase();
    expect(afterKill.integrity).toBe("ok");
    const applied = afterKill.contacts === SIZE && afterKill.batches === 1;
    const absent = afterKill.contacts === 0 && afterKill.batches === 0 && afterKill.seq === before.seq;
    expect(applied || absent, JSON.stringify(afterKill)).toBe(true);
    if (absent) expect(answer).toBeInstanceOf(Error); // the connection died with the process

    const second = await start(databases);
    try {
      const replay = (await (await push(second.url)).json()) as { data: { syncPartnerContacts: { replayed: boolean; counts: Record<string, number> } } };
      expect(replay.data.syncPartnerContacts).toEqual(absent ? { replayed: false, counts: { created: SIZE, updated: 0, unchanged: 0, rejected: 0 } } : expect.objectContaining({ replayed: true }));
      const once = await inDatabase();
      expect(once).toMatchObject({ contacts: SIZE, batches: 1 });
      const again = (await (await push(second.url)).json()) as typeof replay;
      expect(again.data.syncPartnerContacts.replayed).toBe(true);
      expect(await inDatabase()).toEqual(once);
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
  });
});
