import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { print } from "graphql";
import { runSync } from "../../client/src/sync";
import { KeyStore } from "../../gateway/src/auth/key-store";
import { PartnerContactChangesDocument } from "../../operations/generated/graphql";
import { startChildStack, type ChildStack } from "./child-stack";
import { median } from "./load";

const SYNC = `mutation ($batchId: String!, $contacts: [PartnerContactInput!]!) { syncPartnerContacts(batchId: $batchId, mode: INCREMENTAL, contacts: $contacts) { counts { created rejected } } }`;
const FEED = print(PartnerContactChangesDocument);

const fictitious = (prefix: string, i: number) => ({
  externalId: `${prefix}-${i}`,
  country: ["AR", "BO", "BR", "CL", "CO", "EC", "PE", "UY"][i % 8],
  topics: [["TRAFFICKING_IN_PERSONS", "MIGRANT_SMUGGLING", "CHILDREN", "STATISTICS"][i % 4]],
  personName: `Persona Ficticia ${i}`,
  position: "Punto focal (ficticio)",
  institution: "Institución ficticia",
  emails: [`${prefix}-${i}@example.org`],
  languages: ["es"],
});

async function gql(stack: ChildStack, key: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(stack.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`bench request failed: ${body.errors[0].message}`);
  return body.data;
}

async function partnerKey(stack: ChildStack): Promise<string> {
  const keys = await KeyStore.open({ sqlitePath: join(stack.dataDir, "gateway.sqlite") });
  try {
    return (await keys.create({ role: "PARTNER", conference: "CSM", label: "bench" })).key;
  } finally {
    await keys.close();
  }
}

/** Pushes `count` contacts in batches of 5,000 (the limit); returns seconds. */
async function pushContacts(stack: ChildStack, key: string, count: number, prefix: string): Promise<number> {
  const started = performance.now();
  for (let from = 0; from < count; from += 5000) {
    const contacts = Array.from({ length: Math.min(5000, count - from) }, (_, i) => fictitious(prefix, from + i));
    const data = await gql(stack, key, SYNC, { batchId: `${prefix}-${from}`, contacts });
    if (data.syncPartnerContacts.counts.created !== contacts.length) throw new Error(`bench batch created ${data.syncPartnerContacts.counts.created} of ${contacts.length}`);
    if (count >= 20_000 && (from / 5000) % 4 === 3) console.error(`  pushed ${from + contacts.length}/${count}`);
  }
  return (performance.now() - started) / 1000;
}

/** Pulls the whole partner contact feed page by page; returns the changes, seconds and the final token. */
async function pullAll(stack: ChildStack, key: string, first: number): Promise<{ changes: number; seconds: number; token: string }> {
  const started = performance.now();
  let since = "";
  let changes = 0;
  for (;;) {
    const { partnerContactChanges: p } = await gql(stack, key, FEED, { since, first, withRemaining: false });
    changes += p.entries.length;
    since = p.nextToken;
    if (!p.hasMore) break;
  }
  return { changes, seconds: (performance.now() - started) / 1000, token: since };
}

/** Latencies (ms) of `n` sequential empty deltas. */
async function emptyDeltas(stack: ChildStack, key: string, token: string, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const { partnerContactChanges: p } = await gql(stack, key, FEED, { since: token, first: 100, withRemaining: false });
    times.push(performance.now() - started);
    if (p.entries.length) throw new Error("bench: the delta was not empty");
  }
  return times;
}

const pct = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))];

/**
 * The exchange at scale, through the gateway of `npm start`'s stack in child processes:
 * pushing and pulling 100,000 partner contacts, and an empty delta at 100 and at 100,000.
 */
export async function benchSync(options = { contacts: 100_000, small: 100, rounds: 5, perRound: 100 }): Promise<string[]> {
  const big = await startChildStack();
  const small = await startChildStack();
  const out = mkdtempSync(join(tmpdir(), "enlace-bench-sync-"));
  try {
    const [bigKey, smallKey] = [await partnerKey(big), await partnerKey(small)];
    const seeded = 36;
    const pushSeconds = await pushContacts(big, bigKey, options.contacts - seeded, "bench");
    await pushContacts(small, smallKey, options.small - seeded, "bench");
    const raw = await pullAll(big, bigKey, 1000);
    const smallPull = await pullAll(small, smallKey, 1000);
    const clientStarted = performance.now();
    const client = await runSync({ gateway: big.gatewayUrl, key: bigKey, out, pageSize: 1000 });
    const clientSeconds = (performance.now() - clientStarted) / 1000;
    const clientContacts = client.pulls.find((p) => p.feed === "partner-contacts")!.upserts;

    const latencies: Record<"small" | "big", number[]> = { small: [], big: [] };
    const rounds: Record<"small" | "big", number[]> = { small: [], big: [] };
    for (let r = 0; r < options.rounds; r++) {
      for (const [name, stack, key, token] of [
        ["small", small, smallKey, smallPull.token],
        ["big", big, bigKey, raw.token],
      ] as const) {
        const times = await emptyDeltas(stack, key, token, options.perRound);
        latencies[name].push(...times);
        rounds[name].push(median(times));
      }
    }
    const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });
    return [
      `push through the gateway: ${fmt(options.contacts - seeded)} contacts in batches of 5,000: ${fmt(pushSeconds)} s, ${fmt((options.contacts - seeded) / pushSeconds)} contacts/s`,
      `pull the partner contact feed through the gateway, pages of 1,000: ${fmt(raw.changes)} changes in ${fmt(raw.seconds)} s = ${fmt(raw.changes / raw.seconds)} contacts/s`,
      `the same with the sync client (store each page and token, then write .vcf/.csv): ${fmt(clientContacts)} contacts in ${fmt(clientSeconds)} s = ${fmt(clientContacts / clientSeconds)} contacts/s`,
      `empty delta (since = the latest token), ${options.rounds} interleaved rounds of ${options.perRound} sequential requests:`,
      `  at ${fmt(options.small)} contacts: p50 ${fmt(pct(latencies.small, 0.5))} ms, p99 ${fmt(pct(latencies.small, 0.99))} ms (round medians ${rounds.small.map(fmt).join(", ")})`,
      `  at ${fmt(options.contacts)} contacts: p50 ${fmt(pct(latencies.big, 0.5))} ms, p99 ${fmt(pct(latencies.big, 0.99))} ms (round medians ${rounds.big.map(fmt).join(", ")})`,
      `  ratio of p50 at ${fmt(options.contacts)} / at ${fmt(options.small)}: ${fmt(pct(latencies.big, 0.5) / pct(latencies.small, 0.5))}`,
    ];
  } finally {
    await big.stop();
    await small.stop();
    rmSync(out, { recursive: true, force: true });
  }
}
