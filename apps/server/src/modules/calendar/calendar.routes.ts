import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CalendarFeedCreatedSchema, CalendarFeedStatusSchema, CalendarFeedTokenParams } from '@veza/shared';
import { PUBLIC } from '../../platform/http/docs.ts';
import { handle } from '../../platform/http/handle.ts';
import {
  createFeed,
  feedBySecret,
  feedStatus,
  ownFeed,
  revokeFeed,
  type CalendarFile,
} from './calendar.service.ts';

/** The address the browser (or the calendar app) reached the server by, for absolute links. */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

const sendCalendar = (file: CalendarFile, reply: FastifyReply) =>
  reply
    .header('content-type', 'text/calendar; charset=utf-8')
    .header('content-disposition', 'inline; filename="veza.ics"')
    // Personal: no shared cache keeps it, and each read is audited.
    .header('cache-control', 'private, no-store')
    .send(file.body);

/**
 * GET /api/calendar.ics (signed in), GET /api/calendar/feeds/:token.ics (the secret address, no
 * session), and GET/POST/DELETE /api/calendar/feed (whether the address exists, make it, revoke it).
 */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['calendar'];

  app.get(
    '/api/calendar.ics',
    { schema: { tags, summary: "The signed-in user's calendar feed (iCalendar, RFC 5545)" } },
    async (request, reply) =>
      sendCalendar(await handle(request, (ctx, tx) => ownFeed(tx, ctx, originOf(request))), reply),
  );
  app.get(
    '/api/calendar/feeds/:token.ics',
    {
      schema: {
        tags,
        summary: "A user's calendar feed by its secret address, without a session",
        // The token is the credential; the route counts against the per-address limit of public routes.
        security: PUBLIC,
        params: CalendarFeedTokenParams,
      },
    },
    async (request, reply) =>
      sendCalendar(
        await handle(request, (ctx, tx) => feedBySecret(tx, ctx, request.params.token, originOf(request))),
        reply,
      ),
  );

  app.get(
    '/api/calendar/feed',
    {
      schema: {
        tags,
        summary: 'Whether the user has a secret feed address, and since when',
        response: { 200: CalendarFeedStatusSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => feedStatus(tx, ctx)),
  );
  app.post(
    '/api/calendar/feed',
    {
      schema: {
        tags,
        summary: 'Make a secret feed address (replaces an earlier one); shown only in this answer',
        response: { 201: CalendarFeedCreatedSchema },
      },
    },
    async (request, reply) => {
      const created = await handle(request, (ctx, tx) => createFeed(tx, ctx, originOf(request)));
      return reply.status(201).header('cache-control', 'no-store').send(created);
    },
  );
  app.delete(
    '/api/calendar/feed',
    { schema: { tags, summary: 'Revoke the secret feed address' } },
    async (request, reply) => {
      await handle(request, (ctx, tx) => revokeFeed(tx, ctx));
      return reply.status(204).send();
    },
  );
};
