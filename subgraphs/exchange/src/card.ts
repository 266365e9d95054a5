import { partnerContactCard, personalFields, type PartnerContactData } from "../../../platform/src/contact-card/cards";
import type { Identity } from "../../../platform/src/identity";
import { canSeeContact } from "./access";
import type { PartnerContact } from "./entities/partner-contact.entity";

/** A contact's card fields as this caller may see them. */
export function partnerContactData(c: PartnerContact, identity: Identity): PartnerContactData {
  return {
    id: c.id,
    conference: c.conference,
    externalId: c.externalId,
    country: c.countryCode,
    topics: c.topics,
    ...personalFields(c, canSeeContact(identity, c)),
    institution: c.institution,
    languages: c.languages,
    version: c.version,
    updatedAt: c.updatedAt,
  };
}

export const cardOf = (c: PartnerContact, identity: Identity) => partnerContactCard(partnerContactData(c, identity));
