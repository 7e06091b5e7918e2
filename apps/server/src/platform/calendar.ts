import type { Queryable } from '@veza/db';
import type { Locale } from '@veza/shared';
import { serverModules } from '../modules.ts';
import type { Actor } from './context.ts';

/**
 * One event a module puts in a user's calendar feed (modules/calendar). It carries no personal data
 * of victims or suspects: a title says "Request RS-2026-0142 due", never a name or a case title.
 */
export interface CalendarEvent {
  /** Stable per item and kind, so a calendar app updates the event instead of adding a second one. */
  uid: string;
  start: Date;
  end: Date;
  /** In the user's language (the contributing module keeps its own texts). */
  summary: string;
  description?: string;
  /** The item in the web app, from its root: `/requests/<id>`. The feed makes it absolute. */
  path?: string;
}

/** Whose feed is being written, and when. */
export interface CalendarQuestion {
  actor: Actor;
  language: Locale;
  now: Date;
}

/**
 * What a module adds to a user's feed, declared as `calendarEvents` in its `<name>.module.ts`. It
 * reads only its own tables and answers only what the actor's own work is (the policy's list scope):
 * the calendar module gathers every contributor and reads no module's tables itself.
 */
export type CalendarContributor = (q: Queryable, question: CalendarQuestion) => Promise<CalendarEvent[]>;

/** Every module's contributor, in the order of src/modules.ts (read on use: see error-statuses.ts). */
export function calendarContributors(): readonly CalendarContributor[] {
  return serverModules().flatMap((module) => (module.calendarEvents ? [module.calendarEvents] : []));
}
