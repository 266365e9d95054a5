import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { CommandError } from "../../platform/src/cli/command-error";
import { ExitCode } from "../../platform/src/cli/exit-code";

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** Codes of answers a later attempt may get right: the network, the server's own failure. */
const TRANSIENT = (code: string | undefined) => code === "NETWORK" || code === "TIMEOUT" || code === "INTERNAL_SERVER_ERROR" || code === "HTTP_429" || /^HTTP_5\d\d$/.test(code ?? "");

/** What to do about a permanent refusal, by its code. */
const ADVICE: Record<string, string> = {
  UNAUTHENTICATED: "the gateway refused the API key (not valid, or revoked): check the key in ENLACE_KEY or --key-file",
  FORBIDDEN: "this API key may not do this (a PARTNER key is needed)",
};

/**
 * A GraphQL error answer (or an HTTP failure), with the first error's code. Transient
 * (exit 1: the network, a timeout, a 5xx) or permanent (exit 2: a refused key, bad input).
 */
export class GatewayError extends CommandError {
  readonly exitCode: ExitCode.Transient | ExitCode.Permanent;
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly errors: GraphQLErrorBody[] = [],
  ) {
    super(ADVICE[code ?? ""] ?? `${message}${code ? ` (${code})` : ""}`);
    this.exitCode = TRANSIENT(code) ? ExitCode.Transient : ExitCode.Permanent;
  }

  get transient(): boolean {
    return this.exitCode === ExitCode.Transient;
  }
}

export interface ClientOptions {
  gateway: string;
  key: string;
  /** Attempts per request on network errors and 5xx (default 3, waiting 1 s, 2 s, ...). */
  attempts?: number;
  /** A request with no answer after this long is a transient failure (default 5 minutes: a 5,000-row batch takes seconds). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Talks to the Enlace gateway with an API key. Retries what a retry can fix (the network,
 * a 502 while a subgraph restarts); a GraphQL error is final and thrown with its code.
 * Field-level FORBIDDEN errors (personal data the key may not see) leave those fields null
 * and are not errors for a sync.
 */
export class GatewayClient {
  constructor(private readonly options: ClientOptions) {}

  async request<TData, TVariables extends Record<string, unknown>>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Promise<TData> {
    const query = print(document);
    const attempts = this.options.attempts ?? 3;
    const doFetch = this.options.fetch ?? fetch;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await doFetch(this.options.gateway, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${this.options.key}`, "user-agent": "enlace-sync" },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 300_000),
        });
      } catch (error) {
        if (attempt >= attempts) {
          const timedOut = (error as Error).name === "TimeoutError";
          const cause = ((error as Error).cause as Error | undefined)?.message;
          throw new GatewayError(
            `cannot reach ${this.options.gateway}: ${timedOut ? "no answer in time" : `${(error as Error).message}${cause ? ` (${cause})` : ""}`}`,
            timedOut ? "TIMEOUT" : "NETWORK",
          );
        }
        await wait(attempt);
        continue;
      }
      if (response.status >= 500 && attempt < attempts) {
        await wait(attempt);
        continue;
      }
      let body: { data?: TData | null; errors?: GraphQLErrorBody[] };
      try {
        body = (await response.json()) as typeof body;
      } catch {
        throw new GatewayError(`${this.options.gateway} answered HTTP ${response.status} without GraphQL: is it Enlace's /graphql?`, `HTTP_${response.status}`);
      }
      const errors = (body.errors ?? []).filter((e) => !(e.extensions?.code === "FORBIDDEN" && e.path && e.path.length > 2));
      if (errors.length || !body.data) {
        const first = errors[0] ?? { message: `HTTP ${response.status}` };
        throw new GatewayError(first.message, first.extensions?.code ?? (response.ok ? undefined : `HTTP_${response.status}`), errors);
      }
      return body.data;
    }
  }
}

const wait = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** (attempt - 1)));
