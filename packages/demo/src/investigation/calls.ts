import { createRandom } from '../scenario/random.ts';
import type { DemoCall } from './model.ts';

/** Who calls whom, how often, in which period, from which cells. */
export interface CallLine {
  a: string;
  b: string;
  count: number;
  /** ISO dates, UTC: the first and the last day calls may fall on. */
  from: string;
  to: string;
  /** Share of the calls that `a` makes (the rest `b` makes). */
  fromA?: number;
  /** Cells the caller's phone is seen in, one picked per call. */
  cells: readonly string[];
}

const DAY = 86_400_000;
// Calls bunch in the evening and at night, as they do in the case files the demo imitates.
const HOURS = [9, 11, 13, 15, 17, 18, 19, 20, 20, 21, 21, 22, 22, 23, 23, 0, 1];

/** Deterministic call-detail records for some lines, oldest first: the same seed, the same calls. */
export function callRecords(seed: number, lines: readonly CallLine[]): DemoCall[] {
  const random = createRandom(seed);
  const calls: DemoCall[] = [];
  for (const line of lines) {
    const first = Date.parse(`${line.from}T00:00:00Z`);
    const days = Math.max(1, Math.round((Date.parse(`${line.to}T00:00:00Z`) - first) / DAY) + 1);
    for (let i = 0; i < line.count; i++) {
      const byA = random.next() < (line.fromA ?? 0.6);
      const at = first + random.int(days) * DAY + random.pick(HOURS) * 3_600_000 + random.int(3600) * 1000;
      // Mostly short calls; one in eight a long one.
      const seconds = random.next() < 0.125 ? 300 + random.int(1500) : 8 + random.int(170);
      calls.push({
        caller: byA ? line.a : line.b,
        callee: byA ? line.b : line.a,
        startedAt: new Date(at).toISOString(),
        durationSeconds: seconds,
        cell: random.pick(line.cells),
      });
    }
  }
  return calls.sort((x, y) => x.startedAt.localeCompare(y.startedAt) || x.caller.localeCompare(y.caller));
}
