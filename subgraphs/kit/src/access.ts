import { ForbiddenError } from "../../../platform/src/errors";
import type { Identity, Role } from "../../../platform/src/identity";

/** Refuses the operation unless the caller has one of the roles. */
export function requireRole(identity: Identity, roles: Role[], operation: string): void {
  if (!roles.includes(identity.role)) {
    throw new ForbiddenError(`${operation} is for ${roles.join(" or ")}; you are ${identity.role}${identity.role === "PUBLIC" ? " (send an API key)" : ""}`);
  }
}

/** Who wrote, for the audit trail: the key's id, or the role when there is none. */
export const actorOf = (identity: Identity): string => identity.keyId ?? identity.role;
