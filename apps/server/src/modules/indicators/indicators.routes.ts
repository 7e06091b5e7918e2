import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AssessmentRequestSchema,
  AssessmentSchema,
  InstrumentContentInputSchema,
  InstrumentListQuery,
  InstrumentParams,
  InstrumentSchema,
} from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import { assessScreening, listInstruments, publishInstrumentVersion } from './indicators.service.ts';

/** GET /api/instruments, POST /api/instruments/:id/versions, POST /api/screenings/assess. */
export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['indicators'];

  app.get(
    '/api/instruments',
    {
      schema: {
        tags,
        summary: 'Screening instruments with their published version',
        querystring: InstrumentListQuery,
        response: { 200: z.array(InstrumentSchema) },
      },
    },
    async (request) => handle(request, (ctx, tx) => listInstruments(tx, ctx, request.query)),
  );

  app.post(
    '/api/instruments/:id/versions',
    {
      schema: {
        tags,
        summary: 'Publish a new version of an instrument',
        params: InstrumentParams,
        body: InstrumentContentInputSchema,
        response: { 201: InstrumentSchema },
      },
    },
    async (request, reply) => {
      const published = await handle(request, (ctx, tx) =>
        publishInstrumentVersion(tx, ctx, request.params.id, request.body),
      );
      return reply.status(201).send(published);
    },
  );

  app.post(
    '/api/screenings/assess',
    {
      schema: {
        tags,
        summary: 'Assess answers without storing them',
        body: AssessmentRequestSchema,
        response: { 200: AssessmentSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => assessScreening(tx, ctx, request.body)),
  );
};
