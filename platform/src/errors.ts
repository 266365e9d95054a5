import { GraphQLError } from "graphql";

/**
 * Client-facing errors. Each carries a literal `extensions.code` so that clients
 * (and the gateway, which forwards subgraph errors as they are) can branch on it.
 */
export class BadUserInputError extends GraphQLError {
  /** `details` adds what a client can act on (place `suggestions`, a batch's `removals`) beside the code and field. */
  constructor(field: string, message: string, details: Record<string, unknown> = {}) {
    super(`${field}: ${message}`, { extensions: { ...details, code: "BAD_USER_INPUT", field } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string) {
    super(`${what} "${id}" was not found`, { extensions: { code: "NOT_FOUND", id } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: "FORBIDDEN" } });
  }
}

/** A write sent the version it read, and the record has changed since. */
export class VersionConflictError extends GraphQLError {
  constructor(what: string, id: string, expected: number, current: number) {
    super(`${what} "${id}" is at version ${current}, not ${expected}: someone changed it since you read it; reload and apply your change again`, {
      extensions: { code: "VERSION_CONFLICT", id, expectedVersion: expected, currentVersion: current },
    });
  }
}
