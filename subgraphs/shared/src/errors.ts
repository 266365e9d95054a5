import { GraphQLError } from "graphql";

/**
 * Client-facing errors. Each carries a literal `extensions.code` so that clients
 * (and the gateway, which forwards subgraph errors as they are) can branch on it.
 */
export class BadUserInputError extends GraphQLError {
  constructor(field: string, message: string) {
    super(`${field}: ${message}`, { extensions: { code: "BAD_USER_INPUT", field } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string) {
    super(`${what} "${id}" was not found`, { extensions: { code: "NOT_FOUND", id } });
  }
}
