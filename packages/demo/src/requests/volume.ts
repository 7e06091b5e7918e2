import { JURISDICTIONS, REFUSAL_GROUNDS } from '@veza/shared';
import type { JurisdictionCode, RefusalGround, RequestUrgency } from '@veza/shared';

/** Where one request of the demo volume got to. */
export type VolumeOutcome =
  | { kind: 'received' }
  | { kind: 'in_progress' }
  | { kind: 'delayed' }
  | { kind: 'answered'; completeness: 'fully' | 'partly'; inTime: boolean }
  | { kind: 'refused'; ground: RefusalGround }
  | { kind: 'withdrawn' };

export interface VolumeRequest {
  from: JurisdictionCode;
  to: JurisdictionCode;
  urgency: RequestUrgency;
  /** Hours before loading at which the requested SPOC received it. */
  receivedHoursAgo: number;
  outcome: VolumeOutcome;
  sought: string;
}

/** The pairs that exchange most (neighbours on the trafficking routes): enough for visible figures. */
const BUSY_PAIRS: readonly string[] = [
  'RS>ME',
  'ME>RS',
  'RS>MK',
  'MK>RS',
  'AL>XK',
  'XK>AL',
  'BA>HR',
  'HR>BA',
  'RS>BA',
  'AL>ME',
];

/** A fixed generator (mulberry32): the same volume on every load. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SUBJECTS = [
  (n: number) => `Registered keeper of vehicle plate VZ-${100 + (n % 900)}-DM and its border crossings`,
  (n: number) => `Subscriber and cell sites of a prepaid number ending ${String(1000 + (n % 9000))}`,
  (n: number) => `Owner and employees of a hospitality business, company register entry ${20_000 + n}`,
  (n: number) => `Bank account holder of an account ending ${String(10_000 + (n % 90_000))}`,
  (n: number) => `Entries and exits of a passenger coach, route number ${n % 60}`,
  (n: number) => `Rental contracts of a flat used by a recruitment agency, listing ${5_000 + n}`,
] as const;

/**
 * A few hundred invented requests between the seven points of contact, in every state: open, in
 * progress, delayed for judicial authorisation, answered in time or late (some partly), refused on
 * each ground, withdrawn. Subjects name plates, numbers and registers, never a person. Deterministic.
 */
export function demoRequestVolume(seed = 977): VolumeRequest[] {
  const next = random(seed);
  const requests: VolumeRequest[] = [];
  let n = 0;
  for (const from of JURISDICTIONS)
    for (const to of JURISDICTIONS) {
      if (from === to) continue;
      const count = BUSY_PAIRS.includes(`${from}>${to}`) ? 40 : 4 + Math.floor(next() * 5);
      for (let i = 0; i < count; i++) {
        n += 1;
        const roll = next();
        const urgency: RequestUrgency =
          roll < 0.1 ? 'urgent_direct' : roll < 0.3 ? 'urgent_indirect' : 'standard';
        const state = next();
        // Open requests arrived within their period; settled ones over the last seven weeks.
        const openHours =
          urgency === 'urgent_direct'
            ? 1 + next() * 6
            : urgency === 'urgent_indirect'
              ? 2 + next() * 60
              : 4 + next() * 150;
        const settledHours = 200 + next() * 1_000;
        const outcome: VolumeOutcome =
          state < 0.1
            ? { kind: 'received' }
            : state < 0.18
              ? { kind: 'in_progress' }
              : state < 0.26
                ? { kind: 'delayed' }
                : state < 0.66
                  ? { kind: 'answered', completeness: 'fully', inTime: true }
                  : state < 0.76
                    ? { kind: 'answered', completeness: 'fully', inTime: false }
                    : state < 0.82
                      ? { kind: 'answered', completeness: 'partly', inTime: true }
                      : state < 0.95
                        ? {
                            kind: 'refused',
                            ground: REFUSAL_GROUNDS[n % REFUSAL_GROUNDS.length] as RefusalGround,
                          }
                        : { kind: 'withdrawn' };
        const open =
          outcome.kind === 'received' || outcome.kind === 'in_progress' || outcome.kind === 'delayed';
        requests.push({
          from,
          to,
          urgency,
          receivedHoursAgo: Math.round((open ? openHours : settledHours) * 60) / 60,
          outcome,
          sought: (SUBJECTS[n % SUBJECTS.length] as (n: number) => string)(n),
        });
      }
    }
  return requests;
}
