import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { KeyStore } from "../gateway/src/auth/key-store";
import type { DatabaseConfig } from "../platform/src/database";
import { listen, type Listening } from "../platform/src/http";
import { DEFAULT_LIMITS, type Limits } from "../gateway/src/limits";
import { SUPERGRAPH_PATH } from "../platform/src/paths";
import type { Gateway } from "../gateway/src/server";
import { createGatewayWithPages } from "./pages";
import { SUBGRAPHS, type SubgraphDataSource } from "../subgraphs";
import { SEEDS } from "../seed/src";
import type { WebConfig } from "../web/src/http/respond";

export interface StackOptions {
  /** The database of each subgraph by name, and of the gateway's API keys ("gateway"). */
  database(owner: string): DatabaseConfig;
  /** Shared by the gateway and subgraphs to sign identities; random when not given (one process). */
  identitySecret?: string;
  host?: string;
  /** 0 = any free port (tests). */
  gatewayPort?: number;
  /** Ports of the subgraphs by name; missing = any free port. */
  subgraphPorts?: Record<string, number>;
  seed?: boolean;
  limits?: Limits;
  /** How long the gateway remembers a verified API key; default GATEWAY_KEY_CACHE_SECONDS or 60. */
  keyCacheSeconds?: number;
  /** Origins whose pages may call the API (CORS_ORIGINS). */
  corsOrigins?: string[];
  /** The web pages' settings (WEB_FRAME_ORIGINS, WEB_SECURE_COOKIES); default from the environment. */
  web?: WebConfig;
  onSeed?(summary: string): void;
}

export interface Stack {
  url: string;
  subgraphs: Record<string, { url: string; dataSource: SubgraphDataSource }>;
  keys: KeyStore;
  identitySecret: string;
  /** The gateway itself (its cache, for tests). */
  gateway: Gateway;
  /** Closes one subgraph's listener (what a crashed subgraph looks like to the gateway). */
  stopSubgraph(name: string): Promise<void>;
  /** Listens again, on the same port, after stopSubgraph (the subgraph is back). */
  restartSubgraph(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole stack in one process: each subgraph on its own port and database, and the
 * gateway in front of them with the committed supergraph. Used by `npm start` and by the
 * end-to-end tests. Production runs each part as its own process (docs/architecture.md).
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const host = options.host ?? "127.0.0.1";
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => undefined);
  };
  const identitySecret = options.identitySecret ?? randomBytes(48).toString("base64url");
  try {
    const keys = await KeyStore.open(options.database("gateway"), options.keyCacheSeconds);
    stops.push(() => keys.close());
    const subgraphs: Stack["subgraphs"] = {};
    const listeners = new Map<string, Listening>();
    const apps = new Map<string, { app: Parameters<typeof listen>[0]; port: number }>();
    for (const module of SUBGRAPHS) {
      const parts = await module.load();
      const dataSource = await parts.open(options.database(module.name));
      stops.push(() => dataSource.destroy());
      if (options.seed !== false) {
        const summary = await SEEDS[module.name](dataSource);
        options.onSeed?.(summary);
      }
      const server = await parts.createServer(dataSource, identitySecret);
      stops.push(() => server.stop());
      const listening: Listening = await listen(server.handler, options.subgraphPorts?.[module.name] ?? 0, host);
      stops.push(() => listeners.get(module.name)?.close() ?? Promise.resolve());
      listeners.set(module.name, listening);
      apps.set(module.name, { app: server.handler, port: listening.port });
      subgraphs[module.name] = { url: `${listening.url}/graphql`, dataSource };
    }
    const gateway = await createGatewayWithPages({
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, "utf8"),
      subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])),
      limits: options.limits ?? DEFAULT_LIMITS,
      corsOrigins: options.corsOrigins,
      web: options.web,
      keys,
      identitySecret,
    });
    stops.push(() => gateway.stop());
    const listening = await listen(gateway.handler, options.gatewayPort ?? 0, host);
    stops.push(() => listening.close());
    const stopSubgraph = async (name: string) => {
      const listener = listeners.get(name);
      listeners.delete(name);
      await listener?.close();
    };
    const restartSubgraph = async (name: string) => {
      const stopped = apps.get(name);
      if (!stopped || listeners.has(name)) return;
      listeners.set(name, await listen(stopped.app, stopped.port, host));
    };
    return { url: `${listening.url}/graphql`, subgraphs, keys, identitySecret, gateway, stopSubgraph, restartSubgraph, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
