import { GraphQLError } from "graphql";

/** HTTP statuses that say the service, or a proxy in front of it, cannot answer now. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/**
 * What a caller is told when a subgraph cannot be reached (refused, reset, timed out, or a
 * proxy's 502/503/504): the service by name, and that it is temporary. The fetcher's own
 * message named the subgraph's internal address and came out as INTERNAL_SERVER_ERROR.
 * Anything else (a subgraph's GraphQL errors, 401/403) passes through as it is.
 */
export function unavailableError(serviceName: string, error: unknown): unknown {
  const status = error instanceof GraphQLError ? (error.extensions.response as { status?: number } | undefined)?.status : undefined;
  const unreachable = !(error instanceof GraphQLError) || (status !== undefined && UNAVAILABLE_STATUSES.has(status));
  if (!unreachable) return error;
  return new GraphQLError(`The ${serviceName} service is unavailable: the fields it serves are null. Try again later.`, {
    extensions: { code: "SERVICE_UNAVAILABLE", serviceName },
  });
}
