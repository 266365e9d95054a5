import { focalPointCard, personalFields, type FocalPointData } from "../../../platform/src/contact-card/cards";
import type { Identity } from "../../../platform/src/identity";
import { canSeePersonalData } from "./access";
import type { FocalPoint } from "./entities/focal-point.entity";

/** A focal point's card fields as this caller may see them (vCard, jCard, CSV). */
export function focalPointData(fp: FocalPoint, identity: Identity): FocalPointData {
  return {
    id: fp.id,
    country: fp.countryCode,
    role: fp.role,
    ...personalFields(fp, canSeePersonalData(identity, fp)),
    institution: fp.institution,
    languages: fp.languages,
    termStart: fp.termStart,
    termEnd: fp.termEnd,
    status: fp.status,
    version: fp.version,
  };
}

export const cardOf = (fp: FocalPoint, identity: Identity) => focalPointCard(focalPointData(fp, identity));
