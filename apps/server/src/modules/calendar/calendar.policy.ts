import type { Action } from '@veza/shared';
import type { Actor } from '../../platform/context.ts';
import { allow, deny } from '../../platform/policy/types.ts';
import type { AnyResourcePolicy, Decision, ResourcePolicy } from '../../platform/policy/types.ts';

/** A user's own calendar feed and its secret address. */
export interface CalendarFeedResource {
  type: 'calendar_feed';
  userId: string;
}

declare module '../../platform/policy/types.ts' {
  interface ResourceKinds {
    calendar_feed: CalendarFeedResource;
  }
}

/**
 * Everyone signed in has a feed of their own work and nobody reads another's: what is in it is
 * decided by each contributing module's own scope, for the feed's owner. Regional members too (their
 * feed is empty until a module adds what they do).
 */
export const calendarFeedPolicy: ResourcePolicy<'calendar_feed'> = {
  type: 'calendar_feed',
  actions: ['calendar.view', 'calendar.manage'],
  // Another user's feed is not a record anyone looks up: a refusal says "not found" all the same.
  visibility: 'calendar.view',
  identify: (resource) => ({ recordId: resource.userId, subjectId: resource.userId }),
  decide(actor: Actor, _action: Action, resource: CalendarFeedResource): Decision {
    return resource.userId === actor.userId ? allow('own_feed') : deny('not_own_feed');
  },
  scope(actor) {
    return { kind: 'self', userId: actor.userId };
  },
  // The profile page offers it; it is no place in the navigation.
  isCapability: () => false,
};

/** The rules of the calendar module, registered with the engine in apps/server/src/policies.ts. */
export const calendarPolicies: readonly AnyResourcePolicy[] = [calendarFeedPolicy];
