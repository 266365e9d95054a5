import { ForbiddenError } from "../../../platform/src/errors";
import { Role, type Identity } from "../../../platform/src/identity";
import type { PartnerContact } from "./entities/partner-contact.entity";

/**
 * Who may see a partner contact's personal data (name, position, e-mails, phones, cards):
 * the CRM secretariat and officials while it is current, and the partner its own
 * contacts (the only ones it can load). PUBLIC never. The same rule as the roster's.
 */
export function canSeeContact(identity: Identity, c: PartnerContact): boolean {
  switch (identity.role) {
    case Role.SECRETARIAT:
      return true;
    case Role.OFFICIAL:
      return c.removedAt === null;
    case Role.PARTNER:
      return identity.conference === c.conference;
    default:
      return false;
  }
}

export function personal<T>(identity: Identity, c: PartnerContact, field: string, value: T): T {
  if (!canSeeContact(identity, c)) {
    throw new ForbiddenError(`PartnerContact.${field} is personal data: ${identity.role === Role.PUBLIC ? "it is not shown without an API key" : `not shown to ${identity.role} for this contact`}`);
  }
  return value;
}

/** A partner loads only its own conference's contacts; everyone else loads all. */
export const conferenceFilter = (identity: Identity): string | null => (identity.role === Role.PARTNER ? (identity.conference ?? "?") : null);
