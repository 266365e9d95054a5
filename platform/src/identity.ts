import { createHmac, timingSafeEqual } from "node:crypto";

/** Who is asking. PUBLIC needs no key; the others come from an API key. */
export enum Role {
  PUBLIC = "PUBLIC",
  OFFICIAL = "OFFICIAL",
  SECRETARIAT = "SECRETARIAT",
  PARTNER = "PARTNER",
}

export interface Identity {
  role: Role;
  /** OFFICIAL: the member state the official works for (ISO alpha-2). */
  country?: string;
  /** PARTNER: the partner conference, e.g. CSM. */
  conference?: string;
  /** The API key's public id, for the audit trail. */
  keyId?: string;
}

export const PUBLIC_IDENTITY: Identity = { role: Role.PUBLIC };

export const IDENTITY_HEADER = "x-enlace-identity";
export const SIGNATURE_HEADER = "x-enlace-signature";
/** A signed identity older than this is refused: a captured header cannot be replayed for long. */
export const IDENTITY_MAX_AGE_SECONDS = 300;

const sign = (payload: string, secret: string) => createHmac("sha256", secret).update(payload).digest("base64url");

/**
 * The gateway authenticates the caller and passes who it is to subgraphs in a header
 * signed with a secret only the gateway and subgraphs share (HMAC-SHA256). A subgraph
 * trusts nothing else, so calling it directly gains nothing.
 */
export function signIdentity(identity: Identity, secret: string, now = Date.now()): Record<string, string> {
  const payload = Buffer.from(JSON.stringify({ ...identity, iat: Math.floor(now / 1000) })).toString("base64url");
  return { [IDENTITY_HEADER]: payload, [SIGNATURE_HEADER]: sign(payload, secret) };
}

export type Verified = { ok: true; identity: Identity } | { ok: false; reason: string };

export function verifyIdentity(headers: Record<string, string | string[] | undefined>, secret: string, now = Date.now()): Verified {
  const checked = checkIdentity(headers, secret, now);
  return checked.ok ? { ok: true, identity: checked.identity } : checked;
}

/** Signed within IDENTITY_MAX_AGE_SECONDS of now, either way (clocks differ a little). */
const signedLately = (iat: number, now: number) => Math.abs(Math.floor(now / 1000) - iat) <= IDENTITY_MAX_AGE_SECONDS;

/** verifyIdentity, with the time the identity was signed (`iat`, seconds) when it is accepted. */
function checkIdentity(headers: Record<string, string | string[] | undefined>, secret: string, now: number): { ok: true; identity: Identity; iat: number } | { ok: false; reason: string } {
  const payload = headers[IDENTITY_HEADER];
  const signature = headers[SIGNATURE_HEADER];
  if (typeof payload !== "string" || typeof signature !== "string") return { ok: false, reason: "no identity: call the gateway, not the subgraph" };
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "identity signature does not match" };
  let claims: Identity & { iat?: number };
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "identity is not readable" };
  }
  const iat = claims.iat ?? 0;
  if (!Object.values(Role).includes(claims.role) || !signedLately(iat, now)) {
    return { ok: false, reason: "identity is expired or malformed" };
  }
  const { iat: _iat, ...identity } = claims;
  return { ok: true, identity, iat };
}

/**
 * verifyIdentity for one secret, remembering the headers it accepted: the gateway signs an
 * identity once per second (gateway/src/data-source.ts), so a subgraph sees the same two
 * headers on every request of that second and checks the signature once. The age is
 * checked on every request; at most `size` accepted pairs are held, then the memory starts
 * over. Refusals are never remembered.
 */
export function identityVerifier(secret: string, size = 1_000): (headers: Record<string, string | string[] | undefined>, now?: number) => Verified {
  const accepted = new Map<string, { identity: Identity; iat: number }>();
  return (headers, now = Date.now()) => {
    const payload = headers[IDENTITY_HEADER];
    const signature = headers[SIGNATURE_HEADER];
    const key = typeof payload === "string" && typeof signature === "string" ? `${signature}.${payload}` : undefined;
    const held = key === undefined ? undefined : accepted.get(key);
    if (held) {
      if (signedLately(held.iat, now)) return { ok: true, identity: held.identity };
      accepted.delete(key as string);
    }
    const checked = checkIdentity(headers, secret, now);
    if (!checked.ok) return checked;
    const identity = Object.freeze(checked.identity);
    if (key !== undefined) {
      if (accepted.size >= size) accepted.clear();
      accepted.set(key, { identity, iat: checked.iat });
    }
    return { ok: true, identity };
  };
}

/**
 * The shared secret: IDENTITY_SECRET, at least 32 characters. The one-process stack makes
 * a random one when it is unset; separate processes must be given the same one.
 */
export function identitySecretFromEnv(env = process.env): string {
  const secret = env.IDENTITY_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error("IDENTITY_SECRET must be set to the same random string (32+ characters) for the gateway and every subgraph, e.g. `openssl rand -base64 48`");
  }
  return secret;
}
