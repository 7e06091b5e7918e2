import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  ScreeningCreateSchema,
  ScreeningListQuery,
  ScreeningPageSchema,
  ScreeningSchema,
  ScreeningUpdateSchema,
} from '@veza/shared';
import { AppError } from '../../platform/errors.ts';
import { handle } from '../../platform/http/handle.ts';
import { problemOf, sendProblem } from '../../platform/http/problem.ts';
import {
  createScreening,
  getScreening,
  listScreenings,
  updateScreeningFields,
} from './screenings.service.ts';

/**
 * Stored screenings: POST/GET /api/screenings, GET/PUT /api/screenings/:id
 * (the persons met in them: persons.routes.ts).
 */
export const screeningRoutes: FastifyPluginAsyncZod = async (app) => {
  const key = () => app.config.secretKey;

  app.post(
    '/api/screenings',
    {
      schema: {
        tags: ['screenings'],
        summary: 'Store a screening (idempotent by clientId)',
        body: ScreeningCreateSchema,
        response: { 200: ScreeningSchema, 201: ScreeningSchema },
      },
    },
    async (request, reply) => {
      const { screening, created } = await handle(request, (ctx, tx) =>
        createScreening(tx, ctx, request.body, key()),
      );
      return reply.status(created ? 201 : 200).send(screening);
    },
  );

  app.get(
    '/api/screenings',
    {
      schema: {
        tags: ['screenings'],
        summary: 'List stored screenings',
        querystring: ScreeningListQuery,
        response: { 200: ScreeningPageSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => listScreenings(tx, ctx, request.query)),
  );

  app.get(
    '/api/screenings/:id',
    {
      schema: {
        tags: ['screenings'],
        summary: 'Read a stored screening',
        params: IdParams,
        response: { 200: ScreeningSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => getScreening(tx, ctx, request.params.id, key())),
  );

  app.put(
    '/api/screenings/:id',
    {
      schema: {
        tags: ['screenings'],
        summary: 'Change a screening against the revision it was read at',
        params: IdParams,
        body: ScreeningUpdateSchema,
        response: { 200: ScreeningSchema },
      },
    },
    async (request, reply) => {
      try {
        return await handle(request, (ctx, tx) =>
          updateScreeningFields(tx, ctx, request.params.id, request.body, key()),
        );
      } catch (error) {
        // The device needs to see what is in conflict to resolve it: the fields, yours and theirs.
        if (error instanceof AppError && error.code === 'sync_conflict') {
          return sendProblem(reply, {
            ...problemOf('sync_conflict'),
            ...(error.details as object),
          } as ReturnType<typeof problemOf>);
        }
        throw error;
      }
    },
  );
};
