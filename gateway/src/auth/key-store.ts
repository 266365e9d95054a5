import { createHash } from "node:crypto";
import countries from "i18n-iso-countries";
import { IsNull, type DataSource } from "typeorm";
import { createDataSource, openDatabase, type DatabaseConfig } from "../../../platform/src/database";
import { Role, type Identity } from "../../../platform/src/identity";
import { ApiKey } from "./api-key.entity";
import { keyMigrations } from "./migrations";
import { hashSecret, newKey, parseKey, verifySecret, wasteScrypt } from "./secrets";
import { WebSession } from "./web-session.entity";
import { WebSessionTable } from "./web-session-table";
import { AuthThrottle } from "./throttle";

export const PARTNER_CONFERENCES = ["CSM"] as const;

export class KeyInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export interface NewKeyInput {
  role: string;
  country?: string;
  conference?: string;
  label: string;
}

const DEFAULT_CACHE_SECONDS = 60;

/**
 * How long a verified key is remembered (GATEWAY_KEY_CACHE_SECONDS, default 60), so that a
 * request pays the slow hash at most once per period. It is also how long a key revoked in
 * another gateway process (another replica, `npm run keys -- revoke`) keeps working here.
 */
export function keyCacheSecondsFromEnv(env = process.env): number {
  const seconds = Number(env.GATEWAY_KEY_CACHE_SECONDS ?? DEFAULT_CACHE_SECONDS);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_CACHE_SECONDS;
}

/**
 * API keys of the gateway. Secrets are never stored: only their scrypt hash. A revoked
 * key stops working at once in the process that revoked it and within `cacheSeconds`
 * elsewhere.
 */
export class KeyStore {
  private readonly verified = new Map<string, { identity: Identity; until: number }>();
  /** Verifications in flight, by the presented key's digest. */
  private readonly verifying = new Map<string, Promise<Identity | null>>();
  /** Counts revocations in this process, so that a verification that overlapped one is not remembered. */
  private revocations = 0;
  /** Failed tries per address and per key id (throttle.ts): shared by the API and the sign-in page. */
  readonly throttle = new AuthThrottle();

  private constructor(
    private readonly dataSource: DataSource,
    /** The bound on how long a key revoked elsewhere is still accepted here. */
    readonly cacheSeconds: number,
  ) {}

  /**
   * `authenticate`, throttled: a client address or a key id with too many recent failures
   * is told to wait (no hash is computed), and every failure counts against both.
   */
  async authenticateFrom(presented: string, address: string): Promise<{ identity: Identity | null; retryAfterSeconds: number }> {
    const keyId = parseKey(presented)?.id ?? null;
    const wait = await this.throttle.wait(address, keyId);
    if (wait > 0) return { identity: null, retryAfterSeconds: wait };
    const identity = await this.authenticate(presented);
    if (!identity) await this.throttle.failed(address, keyId);
    return { identity, retryAfterSeconds: 0 };
  }

  static async open(config: DatabaseConfig, cacheSeconds = keyCacheSecondsFromEnv()): Promise<KeyStore> {
    return new KeyStore(await openDatabase(createDataSource(config, { owner: "gateway", entities: [ApiKey, WebSession], migrations: keyMigrations })), cacheSeconds);
  }

  async create(input: NewKeyInput): Promise<{ id: string; key: string; identity: Identity }> {
    const identity = validate(input);
    if (!input.label?.trim()) throw new KeyInputError("label", "say whose key it is (person, office), for the audit trail");
    const { id, secret, key } = newKey();
    await this.dataSource.getRepository(ApiKey).insert({
      id,
      role: identity.role,
      country: identity.country ?? null,
      conference: identity.conference ?? null,
      label: input.label.trim(),
      secretHash: await hashSecret(secret),
      createdAt: new Date().toISOString(),
      revokedAt: null,
    });
    return { id, key, identity: { ...identity, keyId: id } };
  }

  async list(): Promise<ApiKey[]> {
    return this.dataSource.getRepository(ApiKey).find({ order: { createdAt: "ASC" } });
  }

  /** The web pages' sessions, in this database (web/src/session/session-store.ts). */
  sessions(): WebSessionTable {
    return new WebSessionTable(this.dataSource);
  }

  async revoke(id: string): Promise<boolean> {
    this.revocations++;
    const result = await this.dataSource.getRepository(ApiKey).update({ id, revokedAt: IsNull() }, { revokedAt: new Date().toISOString() });
    await this.sessions().removeKey(id); // its web sessions end with it
    for (const [digest, entry] of this.verified) if (entry.identity.keyId === id) this.verified.delete(digest);
    this.revocations++; // before and after: a verification overlapping any part of this is not remembered
    return (result.affected ?? 0) > 0;
  }

  /**
   * The identity of a presented key, or null when it is malformed, unknown, revoked or wrong.
   * Requests that present the same key while it is being verified share the verification:
   * when the remembered key expired under ten concurrent requests, each paid its own 80 ms
   * scrypt, one after the other on a small machine (p99 of 586-782 ms on the bench's nearest
   * search with a key).
   */
  async authenticate(presented: string): Promise<Identity | null> {
    const digest = createHash("sha256").update(presented).digest("base64url");
    const cached = this.verified.get(digest);
    if (cached && cached.until > Date.now()) return cached.identity;
    const pending = this.verifying.get(digest);
    if (pending) return pending;
    const verification = this.verify(presented, digest).finally(() => this.verifying.delete(digest));
    this.verifying.set(digest, verification);
    return verification;
  }

  private async verify(presented: string, digest: string): Promise<Identity | null> {
    const parsed = parseKey(presented);
    if (!parsed) return null;
    const revocations = this.revocations;
    const row = await this.dataSource.getRepository(ApiKey).findOneBy({ id: parsed.id });
    if (!row || row.revokedAt) {
      // As slow as a wrong secret for a live key: the time of an answer tells nothing about which key ids exist.
      await wasteScrypt(parsed.secret);
      return null;
    }
    if (!(await verifySecret(parsed.secret, row.secretHash))) return null;
    const identity: Identity = { role: row.role, keyId: row.id, ...(row.country ? { country: row.country } : {}), ...(row.conference ? { conference: row.conference } : {}) };
    if (this.verified.size > 10_000) this.verified.clear();
    // A key revoked here while its secret was being checked is not remembered as good.
    if (this.cacheSeconds > 0 && revocations === this.revocations) this.verified.set(digest, { identity, until: Date.now() + this.cacheSeconds * 1000 });
    return identity;
  }

  close(): Promise<void> {
    return this.dataSource.destroy();
  }
}

function validate(input: NewKeyInput): Identity {
  const role = input.role?.toUpperCase() as Role;
  if (!Object.values(Role).includes(role) || role === Role.PUBLIC) {
    throw new KeyInputError("role", `must be one of OFFICIAL, SECRETARIAT, PARTNER (PUBLIC needs no key), got "${input.role}"`);
  }
  const country = input.country?.toUpperCase();
  if (role === Role.OFFICIAL) {
    if (!country || !countries.isValid(country) || country.length !== 2)
      throw new KeyInputError("country", `an OFFICIAL key needs the ISO 3166-1 alpha-2 code of the official's country, got "${input.country ?? ""}"`);
  } else if (input.country) throw new KeyInputError("country", `only OFFICIAL keys have a country`);
  const conference = input.conference?.toUpperCase();
  if (role === Role.PARTNER) {
    if (!conference || !(PARTNER_CONFERENCES as readonly string[]).includes(conference))
      throw new KeyInputError("conference", `a PARTNER key needs its conference (${PARTNER_CONFERENCES.join(", ")}), got "${input.conference ?? ""}"`);
  } else if (input.conference) throw new KeyInputError("conference", "only PARTNER keys have a conference");
  return { role, ...(country ? { country } : {}), ...(conference ? { conference } : {}) };
}
