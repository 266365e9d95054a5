import { ForbiddenError } from "../../../platform/src/errors";
import { Role, type Identity } from "../../../platform/src/identity";
import { FocalPointStatus } from "./entities/enums";
import type { FocalPoint } from "./entities/focal-point.entity";

/**
 * Who may see a focal point's personal data (name, position, e-mails, phones):
 * SECRETARIAT always; OFFICIAL while the focal point is active; PARTNER for active focal
 * points shared with its conference (the only ones it can load at all: once a term has
 * ended, the partner gets FORBIDDEN like an official); PUBLIC never.
 */
export function canSeePersonalData(identity: Identity, fp: FocalPoint): boolean {
  switch (identity.role) {
    case Role.SECRETARIAT:
      return true;
    case Role.OFFICIAL:
      return fp.status === FocalPointStatus.ACTIVE;
    case Role.PARTNER:
      return fp.sharedWith.includes(identity.conference ?? "") && fp.status === FocalPointStatus.ACTIVE;
    default:
      return false;
  }
}

/** A denied field is null with a FORBIDDEN error at its path; the rest of the answer stands. */
export function personal<T>(identity: Identity, fp: FocalPoint, field: string, value: T): T {
  if (!canSeePersonalData(identity, fp)) {
    throw new ForbiddenError(`FocalPoint.${field} is personal data: ${identity.role === Role.PUBLIC ? "it is not shown without an API key" : `not shown to ${identity.role} for this focal point`}`);
  }
  return value;
}

export function secretariatOnly<T>(identity: Identity, field: string, value: T): T {
  if (identity.role !== Role.SECRETARIAT) throw new ForbiddenError(`FocalPoint.${field} is for the SECRETARIAT`);
  return value;
}
