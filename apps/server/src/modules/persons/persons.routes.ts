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
} from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import {
  createPerson,
  getIdentity,
  getPerson,
  listConsents,
  listPersons,
  recordConsent,
} from './persons.service.ts';

/**
 * The persons met in screenings and their consent:
 * POST/GET /api/persons, GET /api/persons/:id, GET /api/persons/:id/identity,
 * POST/GET /api/persons/:id/consents.
 */
export const personRoutes: FastifyPluginAsyncZod = async (app) => {
  const key = () => app.config.secretKey;

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
