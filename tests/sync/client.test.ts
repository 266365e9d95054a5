import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalStore } from "../../client/src/local-store";
import { runSync } from "../../client/src/sync";
import { partnerContactCard } from "../../platform/src/contact-card/cards";
import { readCsv } from "../../platform/src/contact-card/csv";
import { parseVCards, toVCards } from "../../platform/src/contact-card/vcard";
import { startTestStack, type TestStack } from "../helpers/stack";

describe("the sync client (npm run sync) through the gateway", () => {
  let stack: TestStack;
  let keys: Record<string, string>;
  let tmp: string;
  beforeAll(async () => {
    stack = await startTestStack("sqlite");
    tmp = mkdtempSync(join(tmpdir(), "enlace-sync-"));
    keys = {};
    for (const [name, input] of Object.entries({ partner: { role: "PARTNER", conference: "CSM", label: "CSM" }, secretariat: { role: "SECRETARIAT", label: "ST" } }))
      keys[name] = (await stack.keys.create(input)).key;
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  const dir = (name: string) => join(tmp, name);
  const secretariat = (query: string, variables?: Record<string, unknown>) => stack.query(query, variables, { authorization: `Bearer ${keys.secretariat}` });
  const sharedIds = async () => {
    const { body } = await stack.query(`{ focalPoints(first: 100, filter: { status: ACTIVE }) { id version } }`, undefined, { authorization: `Bearer ${keys.partner}` });
    return Object.fromEntries(body.data.focalPoints.map((f: { id: string; version: number }) => [f.id, f.version]));
  };
  const held = (out: string) => {
    const store = new LocalStore(out);
    try {
      return Object.fromEntries(store.records<{ id: string; version: number }>("focal-points").map((f) => [f.id, f.version]));
    } finally {
      store.close();
    }
  };

  it("writes the CRM contacts shared with the CSM and the CSM's own as vCard and CSV", async () => {
    const out = dir("first");
    const result = await runSync({ gateway: stack.url, key: keys.partner, out });
    expect(result.pulls.map((p) => [p.feed, p.records])).toEqual([
      ["focal-points", 33],
      ["partner-contacts", 36],
    ]);
    const cards = parseVCards(readFileSync(join(out, "crm-focal-points.vcf"), "utf8"));
    expect(cards).toHaveLength(33);
    expect(cards[0].fullName).toMatch(/^Persona Ficticia \d+$/);
    expect(readCsv(readFileSync(join(out, "crm-focal-points.csv"), "utf8"))).toHaveLength(33);
    const contacts = readCsv(readFileSync(join(out, "partner-contacts.csv"), "utf8"));
    expect(contacts).toHaveLength(36);
    expect(contacts[0]).toMatchObject({ external_id: "csm-ar-extra-regional-flows", country: "AR" });
    expect(parseVCards(readFileSync(join(out, "partner-contacts.vcf"), "utf8"))).toHaveLength(36);
  });

  it("resumes after the network fails halfway: nothing lost, nothing fetched twice", async () => {
    const out = dir("resume");
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      if (++calls > 3) throw new TypeError("fetch failed (network unplugged)");
      return fetch(input, init);
    };
    await expect(runSync({ gateway: stack.url, key: keys.partner, out, pageSize: 5, fetch: flaky })).rejects.toThrow("cannot reach");
    const before = held(out);
    expect(Object.keys(before)).toHaveLength(15); // three pages applied, with their token
    // Meanwhile the secretariat changes one the client holds and unshares another.
    const [changed, unshared] = Object.keys(before).sort();
    const v = async (id: string) => (await secretariat(`{ focalPoint(id: "${id}") { version } }`)).body.data.focalPoint.version;
    await secretariat(`mutation ($v: Int!) { updateFocalPoint(id: "${changed}", version: $v, changes: { position: "Nueva (ficticia)" }) { version } }`, { v: await v(changed) });
    await secretariat(`mutation ($v: Int!) { setFocalPointSharing(id: "${unshared}", version: $v, conferences: []) { version } }`, { v: await v(unshared) });
    const logs: string[] = [];
    const again = await runSync({ gateway: stack.url, key: keys.partner, out, pageSize: 5, log: (l) => logs.push(l) });
    const fp = again.pulls[0];
    expect(fp.resynced).toBe(false);
    // 18 not yet fetched + the changed one again + the unshared one's removal.
    expect(fp.upserts + fp.removals).toBe(33 - 15 + 2);
    expect(held(out)).toEqual(await sharedIds());
    expect(held(out)[unshared]).toBeUndefined();
  });

  it("pushes the partner's vCard file as a batch; running again is a new batch that changes nothing", async () => {
    const out = dir("push");
    const file = join(tmp, "csm.vcf");
    writeFileSync(
      file,
      toVCards([
        partnerContactCard({
          id: "",
          conference: "CSM",
          externalId: "csm-py-children",
          country: "PY",
          topics: ["CHILDREN"],
          personName: "Persona Ficticia Paraguay",
          position: null,
          institution: "Institución ficticia de Paraguay",
          emails: ["py.children@example.org"],
          phones: ["+595214140000"],
          languages: ["es", "gn"],
          version: 1,
          updatedAt: "2026-01-01T00:00:00.000Z",
        }),
      ]),
    );
    const first = await runSync({ gateway: stack.url, key: keys.partner, out, push: file });
    expect(first.push).toMatchObject({ replayed: false, dryRun: false, mode: "INCREMENTAL", counts: { created: 1, rejected: 0 } });
    expect(readFileSync(join(out, "partner-contacts.csv"), "utf8")).toContain(
      "csm-py-children,PY,CHILDREN,Persona Ficticia Paraguay,,Institución ficticia de Paraguay,py.children@example.org,'+595214140000,es; gn",
    );
    const second = await runSync({ gateway: stack.url, key: keys.partner, out, push: file });
    expect(second.push).toMatchObject({ replayed: false, counts: { created: 0, unchanged: 1 } });
    expect(second.push!.batchId).not.toBe(first.push!.batchId);
    expect(second.pulls[1].upserts).toBe(0);
    expect(JSON.parse(readFileSync(join(out, `push-report-${first.push!.batchId}.json`), "utf8")).counts.created).toBe(1);
  });

  it("resyncs from scratch by itself when its stored token is refused", async () => {
    const out = dir("first");
    const store = new LocalStore(out);
    const token = store.token("focal-points");
    store.applyPage("focal-points", `${token.slice(0, -2)}xx`, [{ id: "gone-long-ago", data: { id: "gone-long-ago" } }], []);
    store.close();
    const logs: string[] = [];
    const result = await runSync({ gateway: stack.url, key: keys.partner, out, log: (l) => logs.push(l) });
    expect(result.pulls[0]).toMatchObject({ resynced: true, records: Object.keys(await sharedIds()).length });
    expect(held(out)["gone-long-ago"]).toBeUndefined();
    expect(logs.join("\n")).toContain("resyncing from scratch");
  });

  // Asynchronous: the gateway runs in this process and must go on answering.
  const cli = async (args: string[], env: Record<string, string> = {}) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(__dirname, "../../dist/client/src/sync-cli.js"), ...args], { env: { ...process.env, LOG_LEVEL: "silent", ...env } });
      return { status: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { status: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it("the command line: exit 2 on bad arguments, exit 3 when pushed rows were rejected", async () => {
    const usage = await cli([]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toBe("sync: missing --gateway, --out (see --help)\n");
    const file = join(tmp, "bad.csv");
    writeFileSync(file, "external_id,country,topics,person_name,institution,emails\ncsm-x,XX,CHILDREN,P,I,p@example.org\n");
    const run = await cli(["--gateway", stack.url, "--out", dir("cli"), "--push", file], { ENLACE_KEY: keys.partner });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(3);
    expect(run.stdout).toContain('rejected contacts[0].country: unknown ISO 3166-1 alpha-2 country code "XX"');
    expect(run.stdout).toContain("crm-focal-points.vcf");
  });
});
