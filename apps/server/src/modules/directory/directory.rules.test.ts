import { describe, expect, it } from 'vitest';
import { addMonths, confirmationDue, overdueBefore } from './directory.rules.ts';

describe('confirmation every six months', () => {
  it('falls due six months after the confirmation, at the end of a shorter month', () => {
    expect(confirmationDue(new Date('2026-03-10T09:00:00Z')).toISOString()).toBe('2026-09-10T09:00:00.000Z');
    expect(confirmationDue(new Date('2026-08-31T12:00:00Z')).toISOString()).toBe('2027-02-28T12:00:00.000Z');
  });

  it('counts an entry confirmed more than six months ago as overdue, not one confirmed since', () => {
    const now = new Date('2026-12-07T14:00:00Z');
    expect(overdueBefore(now).toISOString()).toBe('2026-06-07T14:00:00.000Z');
    expect(new Date('2026-06-07T13:59:59Z') < overdueBefore(now)).toBe(true);
    expect(new Date('2026-06-08T00:00:00Z') < overdueBefore(now)).toBe(false);
    expect(addMonths(new Date('2026-01-31T00:00:00Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });
});
