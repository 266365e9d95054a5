import { createHmac, timingSafeEqual } from "node:crypto";
import { GraphQLError } from "graphql";

/** What a sync token stands for: a position in one feed, as one audience sees it. */
export interface SyncPosition {
  /** The feed, e.g. "roster.focalPoints". */
  feed: string;
  /** Who the feed was filtered for, e.g. "*" or "partner:CSM": a token does not carry over to another caller. */
  audience: string;
  /** Everything up to this sequence number has been delivered. */
  seq: number;
  /** Issued at, seconds since the epoch. */
  iat: number;
}

export class SyncTokenInvalidError extends GraphQLError {
  constructor(reason: string) {
    super(`since: ${reason}. Resync from scratch: call again with since: "" (an empty token) and replace your local copy.`, {
      extensions: { code: "SYNC_TOKEN_INVALID", field: "since", reason },
    });
  }
}

/** Tokens older than this are refused (RFC 6578 lets a server expire them); default 90 days. */
const DEFAULT_TOKEN_MAX_AGE_DAYS = 90;

export function tokenMaxAgeDays(env = process.env): number {
  const days = Number(env.SYNC_TOKEN_MAX_AGE_DAYS ?? DEFAULT_TOKEN_MAX_AGE_DAYS);
  return Number.isFinite(days) && days > 0 ? days : DEFAULT_TOKEN_MAX_AGE_DAYS;
}

/** A secret in use before the database was restored from a backup, and the last sequence number that backup held. */
export interface RestoredSecret {
  secret: string;
  seq: number;
}

const mac = (body: string, secret: string) => createHmac("sha256", secret).update(body).digest("base64url");

/** Opaque to clients: base64url(JSON) "." HMAC-SHA256 with the database's feed secret. */
export function issueToken(position: Omit<SyncPosition, "iat">, secret: string, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ v: 1, f: position.feed, a: position.audience, s: position.seq, t: Math.floor(now / 1000) })).toString("base64url");
  return `${body}.${mac(body, secret)}`;
}

/**
 * Reads a token back, or throws SYNC_TOKEN_INVALID saying why: not one of ours (forged,
 * altered, another database), another feed or caller, a position this database never
 * reached (restored from a backup), or older than the maximum age.
 */
export function readToken(
  token: string,
  expected: { feed: string; audience: string; secret: string; currentSeq: number; maxAgeDays: number; restored?: RestoredSecret[] },
  now = Date.now(),
): SyncPosition {
  const [body, signature, ...rest] = token.split(".");
  if (!body || !signature || rest.length) throw new SyncTokenInvalidError("is not a sync token");
  const signedWith = (secret: string) => {
    const want = Buffer.from(mac(body, secret));
    const got = Buffer.from(signature);
    return want.length === got.length && timingSafeEqual(want, got);
  };
  // Issued before a restore: good only up to the state the backup held.
  let lastSeq = expected.currentSeq;
  if (!signedWith(expected.secret)) {
    const before = expected.restored?.find((r) => signedWith(r.secret));
    if (!before) throw new SyncTokenInvalidError("was not issued by this database (forged, altered, or from another installation)");
    lastSeq = before.seq;
  }
  let claims: { v: number; f: string; a: string; s: number; t: number };
  try {
    claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    throw new SyncTokenInvalidError("is not a sync token");
  }
  if (claims.v !== 1 || claims.f !== expected.feed) throw new SyncTokenInvalidError(`belongs to another feed (${claims.f})`);
  if (claims.a !== expected.audience) throw new SyncTokenInvalidError("was issued to a caller with other access rights");
  if (!Number.isInteger(claims.s) || claims.s < 0 || claims.s > lastSeq) throw new SyncTokenInvalidError("points past this database's last change (was the database restored?)");
  if (now / 1000 - claims.t > expected.maxAgeDays * 86_400) throw new SyncTokenInvalidError(`is older than ${expected.maxAgeDays} days`);
  return { feed: claims.f, audience: claims.a, seq: claims.s, iat: claims.t };
}
