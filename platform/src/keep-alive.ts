import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import fetch, { type RequestInit, type Response } from "node-fetch";

/**
 * Keeps connections to subgraphs open between requests: measured 1.4-1.5x the gateway's
 * throughput against the default fetcher on this kind of machine (shared/STACK.md).
 */
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 });

export const keepAliveFetch = (url: string, init: RequestInit): Promise<Response> => fetch(url, { ...init, agent: (parsed: URL) => (parsed.protocol === "http:" ? httpAgent : httpsAgent) });
