import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyBatch } from "../../subgraphs/exchange/src/batch/apply-batch";
import { BatchMode } from "../../subgraphs/exchange/src/batch/batch.types";
import { endLapsedTerms } from "../../subgraphs/roster/src/housekeeping";
import { writeFocalPoint } from "../../subgraphs/roster/src/write";
import { Role } from "../../platform/src/identity";
import { currentSeq, feedSecret } from "../../subgraphs/kit/src/sync/sync-state";
import { issueToken } from "../../subgraphs/kit/src/sync/token";
import { DATABASES } from "../helpers/databases";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";

const ROSTER_FEED = `query ($since: String, $first: Int) { focalPointChanges(since: $since, first: $first) { nextToken hasMore entries { operation id focalPoint { id version personName phones status } } } }`;
const EXCHANGE_FEED = `query ($since: String, $first: Int) { partnerContactChanges(since: $since, first: $first) { nextToken hasMore entries { operation id externalId contact { id version personName } } } }`;

interface Entry {
  operation: "UPSERT" | "REMOVE";
  id: string;
  focalPoint?: { id: string; version: number } | null;
  contact?: { id: string; version: number } | null;
}

describe.each(DATABASES)("change feeds (%s)", (db) => {
  let stack: TestStack;
  let as: Record<string, Record<string, string>>;
  beforeAll(async () => {
    stack = await startTestStack(db);
    as = await stack.callers(ROLE_KEYS);
  });
  afterAll(() => stack?.stop());

  async function page(query: string, who: string, since: string, first: number) {
    const { body } = await stack.query(query, { since, first }, as[who]);
    expect(body.errors).toBeUndefined();
    return (body.data.focalPointChanges ?? body.data.partnerContactChanges) as { nextToken: string; hasMore: boolean; entries: Entry[] };
  }

  /** A client: applies pages to its replica until hasMore is false; returns every entry it saw. */
  async function pull(query: string, who: string, replica: Map<string, number>, since: string, first: number, between?: (n: number) => Promise<void>) {
    const seen: Entry[] = [];
    let token = since;
    for (let n = 0; ; n++) {
      const p = await page(query, who, token, first);
      for (const e of p.entries) {
        seen.push(e);
        const record = e.focalPoint ?? e.contact;
        if (e.operation === "REMOVE") replica.delete(e.id);
        else replica.set(e.id, record!.version);
      }
      token = p.nextToken;
      if (!p.hasMore) return { seen, token };
      await between?.(n);
    }
  }

  /** What the partner should hold: the focal points shared with it and active, by id → version. */
  async function partnerTruth(): Promise<Map<string, number>> {
    const { body } = await stack.query(`{ focalPoints(first: 100, filter: { status: ACTIVE }) { id version } }`, undefined, as.partner);
    return new Map(body.data.focalPoints.map((f: { id: string; version: number }) => [f.id, f.version]));
  }

  const version = async (id: string) => (await stack.query(`{ focalPoint(id: "${id}") { version } }`, undefined, as.secretariat)).body.data.focalPoint.version as number;
  const secretariat = (query: string, variables: Record<string, unknown>) => stack.query(query, variables, as.secretariat);
  const UPDATE = `mutation ($id: ID!, $v: Int!, $c: FocalPointChanges!) { updateFocalPoint(id: $id, version: $v, changes: $c) { version } }`;
  const SHARE = `mutation ($id: ID!, $v: Int!, $to: [String!]!) { setFocalPointSharing(id: $id, version: $v, conferences: $to) { version } }`;
  const upsertKeys = (seen: Entry[]) => seen.filter((e) => e.operation === "UPSERT").map((e) => `${e.id}@${(e.focalPoint ?? e.contact)!.version}`);

  it("a partner's first sync is the focal points shared with it, without tombstones; then an empty delta", async () => {
    const replica = new Map<string, number>();
    const { seen, token } = await pull(ROSTER_FEED, "partner", replica, "", 1000);
    expect(replica).toEqual(await partnerTruth());
    expect(replica.size).toBe(33);
    expect(seen.every((e) => e.operation === "UPSERT")).toBe(true);
    const empty = await page(ROSTER_FEED, "partner", token, 100);
    expect(empty).toMatchObject({ entries: [], hasMore: false });
  });

  it("pages in commit order with writes in between: nothing skipped, nothing twice, and unsharing or ending is a removal", async () => {
    const replica = new Map<string, number>();
    const truth0 = await partnerTruth();
    const ids = [...truth0.keys()].sort();
    let delivered: string[] = [];
    const { seen } = await pull(ROSTER_FEED, "partner", replica, "", 5, async (n) => {
      if (n !== 0) return;
      delivered = [...replica.keys()];
      const early = delivered[0];
      const late = ids.find((id) => !replica.has(id))!;
      const unshare = delivered[1];
      // Already delivered, changed again: comes again with its new version.
      await secretariat(UPDATE, { id: early, v: await version(early), c: { phones: ["+50622000000"] } });
      // Not yet delivered, changed: comes once, at its new place.
      await secretariat(UPDATE, { id: late, v: await version(late), c: { position: "Punto focal (ficticio, actualizado)" } });
      // Delivered, then unshared: a removal.
      await secretariat(SHARE, { id: unshare, v: await version(unshare), to: [] });
      // Not shared with the partner: not in its feed at all.
      await secretariat(UPDATE, { id: "seed-cr-communication", v: await version("seed-cr-communication"), c: { position: "Otro (ficticio)" } });
      // Ended: a removal.
      await secretariat(`mutation ($v: Int!) { endFocalPoint(id: "${delivered[2]}", version: $v, endedOn: "2025-06-30") { status } }`, { v: await version(delivered[2]) });
    });
    expect(replica).toEqual(await partnerTruth());
    expect(replica.has(delivered[1])).toBe(false);
    expect(replica.has(delivered[2])).toBe(false);
    expect(
      seen
        .filter((e) => e.operation === "REMOVE")
        .map((e) => e.id)
        .sort(),
    ).toEqual([delivered[1], delivered[2]].sort());
    expect(seen.some((e) => e.id === "seed-cr-communication")).toBe(false);
    const keys = upsertKeys(seen);
    expect(new Set(keys).size).toBe(keys.length);
    expect(replica.get(delivered[0])).toBe(2);
  });

  it("writes that commit while a client pages are delivered once each, in commit order (a slow writer and a fast one)", async () => {
    const replica = await partnerTruth();
    const start = (await pull(ROSTER_FEED, "partner", new Map(), "", 1000)).token;
    const [slowId, fastId] = [...replica.keys()].sort().slice(-2);
    const roster = stack.subgraphs.roster.dataSource;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let slowTook!: () => void;
    const slowStarted = new Promise<void>((resolve) => (slowTook = resolve));
    // The slow writer takes its sequence number, then holds its transaction open.
    const slow = roster.transaction(async (m) => {
      await writeFocalPoint(m, { role: Role.SECRETARIAT, keyId: "slow" }, slowId, await version(slowId), "UPDATED", (fp) => void (fp.position = "Slow (ficticio)"));
      slowTook();
      await gate;
    });
    await slowStarted;
    const reading = page(ROSTER_FEED, "partner", start, 100);
    const fast = secretariat(UPDATE, { id: fastId, v: await version(fastId), c: { position: "Fast (ficticio)" } });
    let fastDone = false;
    void fast.then(() => (fastDone = true));
    await sleep(300);
    // The fast writer cannot commit a later number while an earlier one is open: a reader
    // that saw it could never be sure nothing below it was still to come.
    expect(fastDone).toBe(false);
    release();
    await Promise.all([slow, fast]);
    const during = await reading;
    const rest = await pull(ROSTER_FEED, "partner", replica, during.nextToken, 100);
    const seen = [...during.entries, ...rest.seen];
    for (const e of during.entries) replica.set(e.id, e.focalPoint!.version);
    expect(seen.map((e) => e.id).sort()).toEqual([fastId, slowId].sort());
    expect(seen.map((e) => e.id)).toEqual([slowId, fastId]); // the fast writer waited for the slow one's number to commit
    expect(new Map([...(await partnerTruth())])).toEqual(new Map([...replica].filter(([id]) => replica.has(id))));
  });

  it("a term whose end date comes is ended by Enlace on that day: in the history, and a removal for the partner", async () => {
    const replica = await partnerTruth();
    const token = (await pull(ROSTER_FEED, "partner", new Map(), "", 1000)).token;
    const id = [...replica.keys()].sort()[3];
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    // A term end set for a later date leaves the focal point active until then.
    await secretariat(UPDATE, { id, v: await version(id), c: { termEnd: yesterday } });
    expect((await secretariat(`{ focalPoint(id: "${id}") { status } }`, {})).body.data.focalPoint.status).toBe("ACTIVE");
    expect(await endLapsedTerms(stack.subgraphs.roster.dataSource)).toBe(1);
    expect(await endLapsedTerms(stack.subgraphs.roster.dataSource)).toBe(0);
    const { body } = await secretariat(`{ focalPoint(id: "${id}") { status history { action actor } } }`, {});
    expect(body.data.focalPoint.status).toBe("ENDED");
    expect(body.data.focalPoint.history[0]).toEqual({ action: "ENDED", actor: "enlace:term-end" });
    const { seen } = await pull(ROSTER_FEED, "partner", replica, token, 100);
    // Both changes came before this pull: the partner gets the latest, once.
    expect(seen.filter((e) => e.id === id).map((e) => e.operation)).toEqual(["REMOVE"]);
    expect(replica.has(id)).toBe(false);
  });

  it("refuses forged, altered, foreign, misdirected, future and expired tokens with SYNC_TOKEN_INVALID, saying to resync", async () => {
    const roster = stack.subgraphs.roster.dataSource.manager;
    const good = (await page(ROSTER_FEED, "partner", "", 1)).nextToken;
    const [body, sig] = good.split(".");
    const claims = JSON.parse(Buffer.from(body, "base64url").toString());
    const altered = `${Buffer.from(JSON.stringify({ ...claims, s: 0 })).toString("base64url")}.${sig}`;
    const foreign = (await page(EXCHANGE_FEED, "partner", "", 1)).nextToken;
    const secret = await feedSecret(roster);
    const future = issueToken({ feed: "roster.focalPoints", audience: "partner:CSM", seq: (await currentSeq(roster)) + 10 }, secret);
    const expired = issueToken({ feed: "roster.focalPoints", audience: "partner:CSM", seq: 1 }, secret, Date.now() - 91 * 86_400_000);
    const cases: [string, string, string][] = [
      ["garbage", "abc", "partner"],
      ["altered", altered, "partner"],
      ["another feed's", foreign, "partner"],
      ["the partner's, used by the secretariat", good, "secretariat"],
      ["past the last change", future, "partner"],
      ["91 days old", expired, "partner"],
    ];
    for (const [what, token, who] of cases) {
      const { body: res } = await stack.query(ROSTER_FEED, { since: token, first: 10 }, as[who]);
      expect(res.errors?.[0], what).toMatchObject({ extensions: { code: "SYNC_TOKEN_INVALID", field: "since" } });
      expect(res.errors?.[0].message, what).toContain('Resync from scratch: call again with since: ""');
    }
    expect((await stack.query(ROSTER_FEED, { since: good, first: 10 }, as.partner)).body.errors).toBeUndefined();
  });

  it("the feeds are for keys, and page sizes are checked", async () => {
    for (const q of [ROSTER_FEED, EXCHANGE_FEED]) {
      expect((await stack.query(q, { since: "", first: 1 }, as.public)).body.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" } });
      for (const first of [0, 1001]) expect((await stack.query(q, { since: "", first }, as.secretariat)).body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "first" } });
    }
  });

  it("the exchange feed gives the partner its contacts as Enlace holds them, with removals, and the same to the secretariat", async () => {
    const mine = new Map<string, number>();
    const ours = new Map<string, number>();
    const a = await pull(EXCHANGE_FEED, "partner", mine, "", 10);
    const b = await pull(EXCHANGE_FEED, "secretariat", ours, "", 1000);
    expect(mine.size).toBe(36);
    expect(ours).toEqual(mine);
    const exchange = stack.subgraphs.exchange.dataSource;
    await applyBatch(exchange, { conference: "CSM", actor: "test", batchId: "feed-1", mode: BatchMode.INCREMENTAL, contacts: [], remove: ["csm-pe-global-compact"] });
    const next = await pull(EXCHANGE_FEED, "partner", mine, a.token, 10);
    expect(next.seen).toEqual([expect.objectContaining({ operation: "REMOVE", externalId: "csm-pe-global-compact", contact: null })]);
    await pull(EXCHANGE_FEED, "secretariat", ours, b.token, 10);
    expect(mine.size).toBe(35);
    expect(ours).toEqual(mine);
  });

  it("an empty delta costs the same SQL statements with 36 contacts and with 1,036", async () => {
    const exchange = stack.subgraphs.exchange.dataSource;
    const count = async () => {
      const token = (await pull(EXCHANGE_FEED, "partner", new Map(), "", 1000)).token;
      const before = exchange.statements.count;
      const p = await page(EXCHANGE_FEED, "partner", token, 100);
      expect(p.entries).toEqual([]);
      return exchange.statements.count - before;
    };
    const small = await count();
    const contacts = Array.from({ length: 1000 }, (_, i) => ({
      externalId: `bulk-${i}`,
      country: "PE",
      topics: ["STATISTICS"],
      personName: `Persona Ficticia ${i}`,
      institution: "Institución ficticia",
      emails: [`bulk-${i}@example.org`],
    }));
    await applyBatch(exchange, { conference: "CSM", actor: "test", batchId: "bulk", mode: BatchMode.INCREMENTAL, contacts });
    const large = await count();
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(5);
  });
});
