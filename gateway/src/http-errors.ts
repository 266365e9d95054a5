import type { ApolloServerPlugin } from "@apollo/server";
import type { ErrorRequestHandler } from "express";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { log } from "../../platform/src/log";
import { requestIdOf } from "./context";

/** A GraphQL-shaped error for failures that happen before GraphQL runs (body too large, bad JSON). */
export const httpErrors: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  const status = typeof error?.status === "number" ? error.status : 500;
  const code = status === 413 ? "PAYLOAD_TOO_LARGE" : status === 400 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR";
  const message = status === 413 ? `Request body is larger than the limit of ${error.limit} bytes` : status === 400 ? `Bad request: ${error.message}` : "Internal server error";
  log(status >= 500 ? "error" : "info", "http.error", { requestId: requestIdOf(req), status, code, message: error?.message });
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};

/**
 * A document whose operation cannot be chosen (an `operationName` it does not contain, or
 * several operations and no name). Apollo Server leaves this to the executor; graphql-js
 * returns it as an error, but @apollo/gateway throws while planning, which became a 500.
 * Refusing it once the operation is resolved gives the 400 Apollo Server gives without a
 * gateway, with its code.
 */
export const operationResolutionPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request, document }) {
        if (operation) return;
        const operations = document.definitions.filter((d) => d.kind === "OperationDefinition").length;
        const message =
          request.operationName !== undefined && request.operationName !== null
            ? `Unknown operation named "${request.operationName}".`
            : operations > 1
              ? "Must provide operation name if query contains multiple operations."
              : "The document has no operation to run.";
        throw new GraphQLError(message, { extensions: { code: "OPERATION_RESOLUTION_FAILURE", http: { status: 400 } } });
      },
    };
  },
};

/**
 * Apollo Server answers a persisted query whose hash does not match its text, or of an
 * unknown version, with HTTP 400 but the code INTERNAL_SERVER_ERROR: the caller's mistake
 * looks like ours. The 400 stays; the code says what is wrong.
 */
export function persistedQueryErrors(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code !== "INTERNAL_SERVER_ERROR") return formatted;
  if (formatted.message === "provided sha does not match query") {
    return {
      ...formatted,
      message: "extensions.persistedQuery.sha256Hash does not match the query: send the SHA-256 of the exact query text",
      extensions: { ...formatted.extensions, code: "PERSISTED_QUERY_HASH_MISMATCH" },
    };
  }
  if (formatted.message === "Unsupported persisted query version") {
    return { ...formatted, message: "extensions.persistedQuery.version: only version 1 is supported", extensions: { ...formatted.extensions, code: "BAD_REQUEST" } };
  }
  return formatted;
}
