import { Directive } from "type-graphql";
import type { Role } from "../../../platform/src/identity";

/**
 * Marks a field that only some roles may see, in the schema itself: `@restricted(roles:
 * [...])`, composed into the supergraph (`@composeDirective`). The subgraph still enforces
 * the rule in its resolver (`requireRole`); the mark is what the gateway reads from the
 * supergraph to keep such answers out of its public cache. (Federation's own
 * `@requiresScopes` would say the same, but @apollo/gateway refuses a supergraph with
 * security features it does not enforce.)
 */
export const RestrictedTo = (...roles: Role[]): MethodDecorator & PropertyDecorator => Directive(`@restricted(roles: ${JSON.stringify(roles)})`) as MethodDecorator & PropertyDecorator;
