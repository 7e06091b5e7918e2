import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ConsentCreateSchema,
  ConsentSchema,
  IdParams,
  PersonCreateSchema,
  PersonIdentitySchema,
  PersonListQuery,
  PersonPageSchema,
  PersonSchema,
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
  createPerson,
  getIdentity,
  getPerson,
  listConsents,
  listPersons,
  recordConsent,
} from './victims.persons.service.ts';
import {
  createScreening,
  getScreening,
  listScreenings,
  updateScreeningFields,
} from './victims.screenings.service.ts';

/**
 * Stored screenings and the persons met in them:
 * POST/GET /api/screenings, GET/PUT /api/screenings/:id,
 * POST/GET /api/persons, GET /api/persons/:id, GET /api/persons/:id/identity,
 * POST/GET /api/persons/:id/consents.
 */
export const victimRoutes: FastifyPluginAsyncZod = async (app) => {
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

  app.post(
    '/api/persons',
    {
      schema: {
        tags: ['persons'],
        summary: 'Record a person',
        body: PersonCreateSchema,
        response: { 201: PersonSchema },
      },
    },
    async (request, reply) => {
      const person = await handle(request, (ctx, tx) => createPerson(tx, ctx, request.body, key()));
      return reply.status(201).send(person);
    },
  );

  app.get(
    '/api/persons',
    {
      schema: {
        tags: ['persons'],
        summary: 'List persons by pseudonymous reference',
        querystring: PersonListQuery,
        response: { 200: PersonPageSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => listPersons(tx, ctx, request.query)),
  );

  app.get(
    '/api/persons/:id',
    {
      schema: {
        tags: ['persons'],
        summary: 'Read a person',
        params: IdParams,
        response: { 200: PersonSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => getPerson(tx, ctx, request.params.id)),
  );

  app.get(
    '/api/persons/:id/identity',
    {
      schema: {
        tags: ['persons'],
        summary: "A person's identity (needs a justification)",
        params: IdParams,
        response: { 200: PersonIdentitySchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => getIdentity(tx, ctx, request.params.id, key())),
  );

  app.post(
    '/api/persons/:id/consents',
    {
      schema: {
        tags: ['persons'],
        summary: 'Record a new version of a consent',
        params: IdParams,
        body: ConsentCreateSchema,
        response: { 201: ConsentSchema },
      },
    },
    async (request, reply) => {
      const consent = await handle(request, (ctx, tx) =>
        recordConsent(tx, ctx, request.params.id, request.body),
      );
      return reply.status(201).send(consent);
    },
  );

  app.get(
    '/api/persons/:id/consents',
    {
      schema: {
        tags: ['persons'],
        summary: "A person's consents, every version",
        params: IdParams,
        response: { 200: z.array(ConsentSchema) },
      },
    },
    async (request) => handle(request, (ctx, tx) => listConsents(tx, ctx, request.params.id)),
  );
};
