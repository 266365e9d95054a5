import { partnerContactCard, type PartnerContactData } from "../../../shared/src/contact-card/cards";
import type { Identity } from "../../../shared/src/identity";
import { canSeeContact } from "../access";
import type { PartnerContact } from "../entities/partner-contact.entity";

/** A contact's card fields as this caller may see them. */
export function partnerContactData(c: PartnerContact, identity: Identity): PartnerContactData {
  const open = canSeeContact(identity, c);
  return {
    id: c.id,
    conference: c.conference,
    externalId: c.externalId,
    country: c.countryCode,
    topics: c.topics,
    personName: open ? c.personName : null,
    position: open ? c.position : null,
    institution: c.institution,
    emails: open ? c.emails : null,
    phones: open ? c.phones : null,
    languages: c.languages,
    version: c.version,
    updatedAt: c.updatedAt,
  };
}

export const cardOf = (c: PartnerContact, identity: Identity) => partnerContactCard(partnerContactData(c, identity));
