import { Role, type Identity } from "../../../../platform/src/identity";
import { tokenAudience } from "../../../kit/src/sync/feed";
import { FocalPointStatus } from "../entities/enums";
import type { FocalPoint } from "../entities/focal-point.entity";

/** The partner conferences the roster can share with. */
export const PARTNER_CONFERENCES = ["CSM"] as const;

export const ALL = "*";
export const partnerAudience = (conference: string) => `partner:${conference}`;

/** A partner's copy holds the focal points shared with it that are still active. */
export const inPartnerFeed = (fp: FocalPoint, conference: string) => fp.sharedWith.includes(conference) && fp.status === FocalPointStatus.ACTIVE;

/** Which rows a caller's feed reads, and whom its tokens are issued to. */
export function feedAudience(identity: Identity): { rows: string; token: string } {
  return { rows: identity.role === Role.PARTNER ? partnerAudience(identity.conference ?? "?") : ALL, token: tokenAudience(identity) };
}
