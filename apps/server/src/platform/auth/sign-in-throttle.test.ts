import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './sign-in-throttle.ts';

function throttle(overrides: Partial<ConstructorParameters<typeof SignInThrottle>[0]> = {}) {
  let now = 1_000_000;
  const subject = new SignInThrottle(
    { freeFailures: 2, maxDelayMs: 8_000, accountCeiling: 5, accountSlowdownMs: 30_000, ...overrides },
    () => now,
  );
  return { subject, advance: (ms: number) => (now += ms) };
}

describe('sign-in throttle', () => {
  it('lets the first failures pass, then makes the pair wait 1 s, 2 s, 4 s ... up to the cap', () => {
    const { subject, advance } = throttle({ accountCeiling: 100 });
    const waits: Array<number | null> = [];
    for (let i = 0; i < 7; i += 1) {
      subject.recordFailure('a@veza.test', '10.0.0.1');
      const wait = subject.retryAfterSeconds('a@veza.test', '10.0.0.1');
      waits.push(wait);
      advance((wait ?? 0) * 1000);
    }
    expect(waits).toEqual([null, null, 1, 2, 4, 8, 8]);
  });

  it('does not slow another address or another account', () => {
    const { subject } = throttle({ freeFailures: 0 });
    subject.recordFailure('a@veza.test', '10.0.0.1');
    expect(subject.retryAfterSeconds('a@veza.test', '10.0.0.1')).toBe(1);
    expect(subject.retryAfterSeconds('a@veza.test', '10.0.0.2')).toBeNull();
    expect(subject.retryAfterSeconds('b@veza.test', '10.0.0.1')).toBeNull();
  });

  it('starts afresh for the pair after the right password', () => {
    const { subject } = throttle({ freeFailures: 0 });
    subject.recordFailure('a@veza.test', '10.0.0.1');
    subject.recordSuccess('a@veza.test', '10.0.0.1');
    expect(subject.retryAfterSeconds('a@veza.test', '10.0.0.1')).toBeNull();
  });

  it('past the account ceiling slows every failing address, yet a new address may still try', () => {
    const { subject } = throttle();
    for (let i = 0; i < 6; i += 1) subject.recordFailure('a@veza.test', `10.0.1.${i}`);
    // The sixth failure (one address each) crossed the ceiling of five: that pair waits 30 s.
    expect(subject.retryAfterSeconds('a@veza.test', '10.0.1.5')).toBe(30);
    expect(subject.retryAfterSeconds('a@veza.test', '10.0.1.0')).toBeNull();
    expect(subject.retryAfterSeconds('a@veza.test', '192.0.2.1')).toBeNull();
  });
});
