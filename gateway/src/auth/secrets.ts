import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

const scryptAsync = (secret: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scrypt(secret, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));

/** OWASP's scrypt floor (N=2^17, r=8, p=1) costs ~0.3 s here; 2^15 keeps key checks ~80 ms, cached after. */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };

export function newKey(): { id: string; secret: string; key: string } {
  const id = randomBytes(6).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  return { id, secret, key: `enl_${id}_${secret}` };
}

export function parseKey(key: string): { id: string; secret: string } | null {
  const match = /^enl_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(key.trim());
  return match ? { id: match[1], secret: match[2] } : null;
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(secret, salt, 32, { ...PARAMS, maxmem: 64 * 1024 * 1024 });
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64url"), hash.toString("base64url")].join("$");
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt") return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await scryptAsync(secret, Buffer.from(salt, "base64url"), expected.length, { N: Number(N), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 });
  return timingSafeEqual(actual, expected);
}

/** A hash made once, only to be compared against: the same work as verifying a real key. */
let decoy: Promise<string> | undefined;

/** Spends the time of verifySecret on a key that does not exist (or is revoked), and returns nothing. */
export async function wasteScrypt(secret: string): Promise<void> {
  decoy ??= hashSecret(randomBytes(32).toString("base64url"));
  await verifySecret(secret, await decoy);
}
