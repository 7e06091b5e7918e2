import type { Action, ReferralEventType, ReferralStatus } from '@veza/shared';

/**
 * The referral lifecycle. A proposal is the sender's draft; once sent, the receiver accepts or
 * declines; an accepted referral goes into service; either side closes it. A declined or closed
 * referral is final: referring again is a new referral, with its own consent check.
 */
export const NEXT_STATUSES: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  proposed: ['sent', 'closed'],
  sent: ['accepted', 'declined', 'closed'],
  accepted: ['in_service', 'closed'],
  declined: [],
  in_service: ['closed'],
  closed: [],
};

/** The policy action each move needs. */
export const ACTION_FOR: Readonly<Record<Exclude<ReferralStatus, 'proposed'>, Action>> = {
  sent: 'referral.send',
  accepted: 'referral.respond',
  declined: 'referral.respond',
  in_service: 'referral.respond',
  closed: 'referral.close',
};

export const EVENT_FOR: Readonly<Record<Exclude<ReferralStatus, 'proposed'>, ReferralEventType>> = {
  sent: 'sent',
  accepted: 'accepted',
  declined: 'declined',
  in_service: 'service_started',
  closed: 'closed',
};

export function canMove(from: ReferralStatus, to: ReferralStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

const DAY_MS = 86_400_000;

/**
 * The receiving coordinator acknowledges a transnational referral within 2 days when it is urgent,
 * 10 days otherwise, counted from sending (docs/referral.md).
 */
export const ACKNOWLEDGE_WITHIN_DAYS = { urgent: 2, normal: 10 } as const;

export function acknowledgementDue(sentAt: Date, urgent: boolean): Date {
  const days = urgent ? ACKNOWLEDGE_WITHIN_DAYS.urgent : ACKNOWLEDGE_WITHIN_DAYS.normal;
  return new Date(sentAt.getTime() + days * DAY_MS);
}

export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

/** Days left until `endsAt`, a part of a day counting as a day; 0 or less once it is over. */
export function daysLeft(endsAt: Date, now: Date): number {
  return Math.ceil((endsAt.getTime() - now.getTime()) / DAY_MS);
}

/** Reminders go out this many days before the reflection period ends. */
export const REFLECTION_REMINDER_DAYS = 7;
