import { describe, expect, it } from 'vitest';
import { noticeDue } from './requests.clock.ts';

const receivedAt = new Date('2026-11-20T10:00:00Z');
const dueAt = new Date('2026-11-20T18:00:00Z');
const at = (hours: number) => new Date(receivedAt.getTime() + hours * 3_600_000);

describe('which clock notice is due', () => {
  it('none before half the period', () => {
    expect(noticeDue({ receivedAt, dueAt, noticesSent: [] }, at(3.99))).toBeNull();
  });

  it('50 % at half, 80 % at four fifths, breach at the deadline', () => {
    expect(noticeDue({ receivedAt, dueAt, noticesSent: [] }, at(4))).toBe('50');
    expect(noticeDue({ receivedAt, dueAt, noticesSent: ['50'] }, at(6.4))).toBe('80');
    expect(noticeDue({ receivedAt, dueAt, noticesSent: ['50', '80'] }, at(8))).toBe('breach');
  });

  it('nothing a second time', () => {
    expect(noticeDue({ receivedAt, dueAt, noticesSent: ['50'] }, at(5))).toBeNull();
    expect(noticeDue({ receivedAt, dueAt, noticesSent: ['50', '80', 'breach'] }, at(30))).toBeNull();
  });

  it('only the latest after a server was down across several', () => {
    expect(noticeDue({ receivedAt, dueAt, noticesSent: [] }, at(9))).toBe('breach');
  });

  it('none without a clock (not received yet)', () => {
    expect(noticeDue({ receivedAt: null, dueAt: null, noticesSent: [] }, at(9))).toBeNull();
  });
});
