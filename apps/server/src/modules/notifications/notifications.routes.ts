import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, NotificationListQuery, NotificationListSchema } from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import { listMyNotifications, markNotificationRead } from './notifications.service.ts';

/** GET /api/notifications, POST /api/notifications/:id/read. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['notifications'];
  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: "The user's notifications",
        querystring: NotificationListQuery,
        response: { 200: NotificationListSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => listMyNotifications(tx, ctx, request.query)),
  );
  app.post(
    '/api/notifications/:id/read',
    { schema: { tags, summary: 'Mark a notification read', params: IdParams } },
    async (request, reply) => {
      await handle(request, (ctx, tx) => markNotificationRead(tx, ctx, request.params.id));
      return reply.status(204).send();
    },
  );
};
