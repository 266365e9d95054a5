import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalStore } from "../../client/src/local-store";
import { runSync, type SyncOptions } from "../../client/src/sync";
import { PartnerBatch } from "../../subgraphs/exchange/src/entities/partner-batch.entity";
import { PartnerContact } from "../../subgraphs/exchange/src/entities/partner-contact.entity";
import { DATABASES } from "../helpers/databases";
import { startTestStack, type TestStack } from "../helpers/stack";

/** Pushes by the sync client through the gateway: one run, one batch; files as spreadsheets write them. */
describe.each(DATABASES)("the sync client's push (%s)", (db) => {
  let stack: TestStack;
  let key: string;
  let tmp: string;
  beforeAll(async () => {
    stack = await startTestStack(db);
    key = (await stack.keys.create({ role: "PARTNER", conference: "CSM", label: "CSM" })).key;
    tmp = mkdtempSync(join(tmpdir(), "enlace-push-"));
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  const contacts = () => stack.subgraphs.exchange.dataSource.manager.find(PartnerContact, { where: { conference: "CSM" } });
  const current = async () => (await contacts()).filter((c) => c.removedAt === null);
  const batches = () => stack.subgraphs.exchange.dataSource.manager.count(PartnerBatch);
  const sync = (options: Partial<SyncOptions>) => runSync({ gateway: stack.url, key, out: join(tmp, "out"), ...options });
  const fixture = (name: string) => join(__dirname, "fixtures", name);

  it("night 1 F1, night 2 F1 without csm-br-…, night 3 F1 again: csm-br-… is restored and night 3's counts printed", async () => {
    const pulled = await sync({});
    const f1 = join(tmp, "f1.csv");
    writeFileSync(f1, readFileSync(join(tmp, "out", "partner-contacts.csv")));
    const lines = readFileSync(f1, "utf8").split("\r\n");
    const gone = lines.find((l) => l.startsWith("csm-br-"))!;
    const goneId = gone.split(",")[0];
    const f2 = join(tmp, "f2.csv");
    writeFileSync(f2, lines.filter((l) => l !== gone).join("\r\n"));
    expect(pulled.pulls[1].records).toBe(36);

    const logs: string[] = [];
    const night = async (file: string) => (await sync({ push: file, mode: "FULL", log: (l) => logs.push(l) })).push!;
    const n1 = await night(f1);
    expect(n1).toMatchObject({ replayed: false, counts: { created: 0, updated: 0, unchanged: 36, removed: 0, rejected: 0 } });
    const n2 = await night(f2);
    expect(n2).toMatchObject({ replayed: false, counts: { unchanged: 35, removed: 1 } });
    expect((await current()).map((c) => c.externalId)).not.toContain(goneId);
    logs.length = 0;
    const n3 = await night(f1);
    expect(n3).toMatchObject({ replayed: false, counts: { created: 1, unchanged: 35, removed: 0 } });
    expect(new Set([n1.batchId, n2.batchId, n3.batchId]).size).toBe(3);
    expect((await current()).map((c) => c.externalId)).toContain(goneId);
    expect(logs).toContain("push: applied: 1 created, 0 updated, 35 unchanged, 0 removed, 0 rejected");
  });

  it("a push whose answer never came is resumed by the next run under the same id and applied once", async () => {
    const file = fixture("csm-excel-windows-1252.csv");
    const before = await batches();
    let sent = 0;
    const answerLost: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(init?.body).includes("syncPartnerContacts")) {
        sent++;
        throw new TypeError("fetch failed (connection reset)");
      }
      return response;
    };
    const error = await sync({ push: file, fetch: answerLost }).catch((e: Error & { exitCode?: number }) => e);
    expect(error).toMatchObject({ exitCode: 1, message: expect.stringContaining("cannot reach") });
    expect(sent).toBe(3); // the client's own retries: one batch id, applied once, then replayed
    expect(await batches()).toBe(before + 1);
    const store = new LocalStore(join(tmp, "out"));
    const pending = store.pendingPush();
    store.close();
    expect(pending?.batchId).toMatch(/^sync-\d{8}T\d{6}-[0-9a-f]{8}$/);

    const logs: string[] = [];
    const resumed = await sync({ push: file, log: (l) => logs.push(l) });
    expect(resumed.push).toMatchObject({ batchId: pending!.batchId, replayed: true, counts: { created: 2, rejected: 0 } });
    expect(logs[0]).toBe(`push: resuming batch ${pending!.batchId}, sent on ${pending!.startedAt} by a run that never got the answer`);
    expect(await batches()).toBe(before + 1);
    const next = await sync({ push: file });
    expect(next.push).toMatchObject({ replayed: false, counts: { unchanged: 2 } });
    expect(next.push!.batchId).not.toBe(pending!.batchId);
  });

  it("stores a Windows-1252 ;-separated Excel file as María Pérez, never U+FFFD", async () => {
    const rows = await contacts();
    const maria = rows.find((c) => c.externalId === "csm-br-latin1");
    expect(maria).toMatchObject({ personName: "María Pérez", position: "Coordenação (fictícia)", institution: "Polícia Federal (fictícia)", languages: ["pt", "es"] });
    expect(rows.find((c) => c.externalId === "csm-pe-latin1")?.personName).toBe("Núñez, José");
    expect(rows.some((c) => JSON.stringify(c).includes("\uFFFD"))).toBe(false);
    expect(readFileSync(join(tmp, "out", "partner-contacts.csv"), "utf8")).toContain("csm-br-latin1,BR,TRAFFICKING_IN_PERSONS,María Pérez,Coordenação (fictícia)");
  });

  it("refuses a file it cannot decode with certainty before sending anything (permanent)", async () => {
    const cyrillic = join(tmp, "cyrillic.csv");
    writeFileSync(
      cyrillic,
      Buffer.concat([Buffer.from("external_id,country,topics,person_name,institution,emails\ncsm-x,AR,CHILDREN,"), Buffer.from([0xcc, 0xe0, 0xf0, 0xe8, 0xff]), Buffer.from(",I,x@example.org\n")]),
    );
    const latin1Vcard = join(tmp, "latin1.vcf");
    writeFileSync(latin1Vcard, Buffer.from("BEGIN:VCARD\r\nVERSION:4.0\r\nUID:csm-x\r\nFN:Mar\xeda\r\nEND:VCARD\r\n", "latin1"));
    let calls = 0;
    const counting: typeof fetch = (input, init) => (calls++, fetch(input, init));
    for (const [file, message] of [
      [cyrillic, /cyrillic\.csv: not UTF-8, and not Windows-1252 either by the look of line 2/],
      [latin1Vcard, /latin1\.vcf: a vCard file must be UTF-8, and this file is not/],
      [tmp, /is a folder, not a file/],
    ] as const) {
      await expect(sync({ push: file, fetch: counting })).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(message) });
    }
    expect(calls).toBe(0);
  });

  it("a FULL push that would remove most contacts is refused with the numbers; --dry-run shows it; --allow-removals accepts it", async () => {
    const three = join(tmp, "three.csv");
    const f1 = readFileSync(join(tmp, "f1.csv"), "utf8").split("\r\n");
    writeFileSync(three, f1.slice(0, 4).join("\r\n"));
    const active = (await current()).length;
    const state = async () => JSON.stringify((await contacts()).sort((a, b) => a.id.localeCompare(b.id)));
    const before = { rows: await state(), batches: await batches() };
    const expected = `push refused, nothing was changed: this FULL push would remove ${active - 3} of the ${active} current contacts (${Math.round(((active - 3) / active) * 100)}%), more than the ${Math.floor(active * 0.2)} allowed without --allow-removals. Check that the file is complete; to accept these removals, add --allow-removals ${active - 3}`;
    for (const dryRun of [false, true]) await expect(sync({ push: three, mode: "FULL", dryRun })).rejects.toMatchObject({ exitCode: 2, message: expected });
    const store = new LocalStore(join(tmp, "out"));
    expect(store.pendingPush()).toBeNull(); // the server answered: nothing to resume
    store.close();
    const dry = await sync({ push: three, mode: "FULL", dryRun: true, allowRemovals: active - 3 });
    expect(dry.push).toMatchObject({ dryRun: true, counts: { removed: active - 3, unchanged: 3 } });
    expect(dry.pulls).toEqual([]);
    expect({ rows: await state(), batches: await batches() }).toEqual(before);
    const applied = await sync({ push: three, mode: "FULL", allowRemovals: active - 3 });
    expect(applied.push).toMatchObject({ dryRun: false, counts: { removed: active - 3 } });
    expect(await current()).toHaveLength(3);
  });
});
