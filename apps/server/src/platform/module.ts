import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db, Queryable } from '@veza/db';
import type { ErrorCode } from '@veza/shared';
import type { AnyResourcePolicy } from './policy/index.ts';
import type { InboundHandler } from './outbound/envelope.ts';
import type { CalendarContributor } from './calendar.ts';

/** Work a module runs in the background while the server serves (reminders, sweeps). */
export type ModuleTimer = (db: Db, report: (error: unknown) => void) => { stop(): Promise<void> };

/**
 * What a capability brings to the server, declared once in `modules/<name>/<name>.module.ts` and
 * listed by one line in `src/modules.ts`: its routes, the rules it registers with the policy engine,
 * the HTTP status and English title of each of its error codes, reference data it needs in every
 * database, background work, and events for the users' calendar feeds. Nothing else in the platform names a module.
 */
export interface ServerModule {
  readonly name: string;
  readonly routes: readonly FastifyPluginAsyncZod[];
  readonly policies?: readonly AnyResourcePolicy[];
  readonly errors?: Readonly<Partial<Record<ErrorCode, { status: number; title: string }>>>;
  /** Runs when a database is opened and migrated, before serving (idempotent). */
  readonly prepare?: (q: Queryable) => Promise<unknown>;
  readonly timers?: readonly ModuleTimer[];
  /**
   * Handlers for envelopes arriving from another jurisdiction (platform/outbound), by kind. A kind
   * belongs to one module; the sending module never reads the receiving side's rows.
   */
  readonly inbound?: Readonly<Record<string, InboundHandler>>;
  /**
   * Events this module adds to a user's personal calendar feed (deadlines, sessions, periods),
   * gathered by modules/calendar; see platform/calendar.ts.
   */
  readonly calendarEvents?: CalendarContributor;
}
