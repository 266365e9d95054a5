import { RateLimiterMemory } from "rate-limiter-flexible";

/** Failed authentications allowed per minute, per client address and per key id; sign-ins per address. */
export interface ThrottleLimits {
  failuresPerAddress: number;
  failuresPerKeyId: number;
  signInsPerAddress: number;
}

const int = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isInteger(n) && n > 0 ? n : fallback;
};

export function throttleLimitsFromEnv(env = process.env): ThrottleLimits {
  return {
    failuresPerAddress: int(env.AUTH_FAILURES_PER_ADDRESS, 20),
    failuresPerKeyId: int(env.AUTH_FAILURES_PER_KEY, 10),
    signInsPerAddress: int(env.SIGNIN_PER_ADDRESS, 20),
  };
}

/**
 * Who may try a key now (rate-limiter-flexible, in this gateway's memory, per minute):
 * after too many failures from an address, or against a key id, further tries are refused
 * with a Retry-After before any hash is computed — a flood of wrong secrets costs the
 * flooder, not the officials signing in meanwhile. Sign-ins are also counted per address.
 */
export class AuthThrottle {
  private readonly byAddress: RateLimiterMemory;
  private readonly byKeyId: RateLimiterMemory;
  private readonly signIns: RateLimiterMemory;

  constructor(readonly limits: ThrottleLimits = throttleLimitsFromEnv()) {
    this.byAddress = new RateLimiterMemory({ keyPrefix: "fail-addr", points: limits.failuresPerAddress, duration: 60 });
    this.byKeyId = new RateLimiterMemory({ keyPrefix: "fail-key", points: limits.failuresPerKeyId, duration: 60 });
    this.signIns = new RateLimiterMemory({ keyPrefix: "signin-addr", points: limits.signInsPerAddress, duration: 60 });
  }

  /** Seconds to wait before trying a key from this address (or against this key id); 0 when a try is allowed. */
  async wait(address: string, keyId: string | null): Promise<number> {
    const spent = async (limiter: RateLimiterMemory, key: string, points: number) => {
      const state = await limiter.get(key);
      return state && state.consumedPoints >= points ? Math.ceil(state.msBeforeNext / 1000) : 0;
    };
    return Math.max(await spent(this.byAddress, address, this.limits.failuresPerAddress), keyId ? await spent(this.byKeyId, keyId, this.limits.failuresPerKeyId) : 0);
  }

  async failed(address: string, keyId: string | null): Promise<void> {
    await this.byAddress.penalty(address, 1);
    if (keyId) await this.byKeyId.penalty(keyId, 1);
  }

  /** Counts a sign-in attempt from an address; the seconds to wait when over the limit, else 0. */
  async signIn(address: string): Promise<number> {
    try {
      await this.signIns.consume(address, 1);
      return 0;
    } catch (rejected) {
      return Math.ceil(((rejected as { msBeforeNext?: number }).msBeforeNext ?? 60_000) / 1000);
    }
  }
}
