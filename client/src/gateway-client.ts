import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** A GraphQL error answer (or an HTTP failure), with the first error's code. */
export class GatewayError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly errors: GraphQLErrorBody[] = [],
  ) {
    super(message);
  }
}

export interface ClientOptions {
  gateway: string;
  key: string;
  /** Attempts per request on network errors and 5xx (default 3, waiting 1 s, 2 s, ...). */
  attempts?: number;
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
        });
      } catch (error) {
        if (attempt >= attempts) throw new GatewayError(`cannot reach ${this.options.gateway}: ${(error as Error).message}`, "NETWORK");
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
        throw new GatewayError(`the gateway answered HTTP ${response.status} without GraphQL`, `HTTP_${response.status}`);
      }
      const errors = (body.errors ?? []).filter((e) => !(e.extensions?.code === "FORBIDDEN" && e.path && e.path.length > 2));
      if (errors.length || !body.data) {
        const first = errors[0] ?? { message: `HTTP ${response.status}` };
        throw new GatewayError(first.message, first.extensions?.code, errors);
      }
      return body.data;
    }
  }
}

const wait = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** (attempt - 1)));
