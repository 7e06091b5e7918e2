/**
 * Slows password guessing without handing anyone a lock-out (OWASP Authentication Cheat Sheet,
 * "Login Throttling"). Failures are counted per (account, address) pair: the first `freeFailures`
 * cost nothing, each further one makes that pair wait 1 s, 2 s, 4 s ... up to `maxDelayMs` before
 * its next attempt. Past `accountCeiling` failures in an hour on one account, from all addresses,
 * every failure makes its pair wait at least `accountSlowdownMs`; an address that has not failed
 * may still try, so the account's owner is never locked out by a stranger.
 *
 * Kept in this process's memory, like the rate limits: with several app servers each counts its own
 * attempts, which multiplies an attacker's rate by the number of servers, no more.
 */
export interface SignInThrottleSettings {
  freeFailures: number;
  maxDelayMs: number;
  accountCeiling: number;
  accountSlowdownMs: number;
}

interface PairState {
  failures: number;
  blockedUntil: number;
  lastFailureAt: number;
}

const HOUR_MS = 3_600_000;
/** A pair's count is forgotten after a day without failures. */
const PAIR_MEMORY_MS = 24 * HOUR_MS;
/** Bounds memory under a flood of made-up e-mail addresses; the oldest entries go first. */
const MAX_ENTRIES = 50_000;

export class SignInThrottle {
  private readonly pairs = new Map<string, PairState>();
  private readonly accounts = new Map<string, number[]>();

  constructor(
    private readonly settings: SignInThrottleSettings,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Seconds the pair must still wait, or null when it may try now. */
  retryAfterSeconds(email: string, ip: string | null): number | null {
    const pair = this.pairs.get(pairKey(email, ip));
    if (!pair) return null;
    const wait = pair.blockedUntil - this.clock();
    return wait > 0 ? Math.ceil(wait / 1000) : null;
  }

  recordFailure(email: string, ip: string | null): void {
    const now = this.clock();
    const key = pairKey(email, ip);
    const previous = this.pairs.get(key);
    const failures = previous && now - previous.lastFailureAt < PAIR_MEMORY_MS ? previous.failures + 1 : 1;
    const accountFailures = this.countAccountFailure(email, now);
    let delay = 0;
    if (failures > this.settings.freeFailures) {
      const step = failures - this.settings.freeFailures - 1;
      delay = Math.min(1000 * 2 ** Math.min(step, 30), this.settings.maxDelayMs);
    }
    if (accountFailures > this.settings.accountCeiling)
      delay = Math.max(delay, this.settings.accountSlowdownMs);
    this.pairs.delete(key);
    this.pairs.set(key, { failures, blockedUntil: now + delay, lastFailureAt: now });
    trim(this.pairs);
  }

  /** The right password from this address: its count starts afresh (other addresses keep theirs). */
  recordSuccess(email: string, ip: string | null): void {
    this.pairs.delete(pairKey(email, ip));
  }

  private countAccountFailure(email: string, now: number): number {
    const recent = (this.accounts.get(email) ?? []).filter((at) => now - at < HOUR_MS);
    recent.push(now);
    // Only the count beyond the ceiling matters; keep the list short.
    if (recent.length > this.settings.accountCeiling + 1) recent.shift();
    this.accounts.delete(email);
    this.accounts.set(email, recent);
    trim(this.accounts);
    return recent.length;
  }
}

function pairKey(email: string, ip: string | null): string {
  return `${email}\u0000${ip ?? 'unknown'}`;
}

function trim<V>(map: Map<string, V>): void {
  while (map.size > MAX_ENTRIES) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) return;
    map.delete(oldest);
  }
}
