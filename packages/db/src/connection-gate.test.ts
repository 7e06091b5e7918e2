import { describe, expect, it } from 'vitest';
import { ConnectionGate, DatabaseBusyError } from './connection-gate.ts';

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('connection gate', () => {
  it('runs operations one at a time, first come first served', async () => {
    const gate = new ConnectionGate({ waitMs: 1000, maxWaiting: 10 });
    const order: number[] = [];
    const first = deferred();
    const a = gate.run(async () => {
      await first.promise;
      order.push(1);
    });
    const b = gate.run(async () => void order.push(2));
    const c = gate.run(async () => void order.push(3));
    first.resolve();
    await Promise.all([a, b, c]);
    expect(order).toEqual([1, 2, 3]);
  });

  it('refuses at once when the queue is full, and after the wait when the connection stays busy', async () => {
    const gate = new ConnectionGate({ waitMs: 50, maxWaiting: 1 });
    const hold = deferred();
    const holder = gate.run(() => hold.promise);
    const waiting = gate.run(async () => 'never');
    await expect(gate.run(async () => 'full')).rejects.toBeInstanceOf(DatabaseBusyError);
    await expect(waiting).rejects.toBeInstanceOf(DatabaseBusyError);
    hold.resolve();
    await holder;
    expect(await gate.run(async () => 'free again')).toBe('free again');
  });
});
