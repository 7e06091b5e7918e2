import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AgencyCreateSchema,
  AgencyListQuery,
  AgencySchema,
  AgencyUpdateSchema,
  IdParams,
  JurisdictionSchema,
  UnitCreateSchema,
  UnitListQuery,
  UnitSchema,
  UnitUpdateSchema,
} from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import {
  changeAgency,
  changeUnit,
  createAgency,
  createUnit,
  getAgency,
  listJurisdictions,
  listVisibleAgencies,
  listVisibleUnits,
} from './organisation.service.ts';

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['organisation'];

  app.get(
    '/api/jurisdictions',
    { schema: { tags, summary: 'List jurisdictions', response: { 200: z.array(JurisdictionSchema) } } },
    async (request) => handle(request, (ctx, tx) => listJurisdictions(tx, ctx)),
  );

  app.get(
    '/api/agencies',
    {
      schema: {
        tags,
        summary: 'List agencies',
        querystring: AgencyListQuery,
        response: { 200: z.array(AgencySchema) },
      },
    },
    async (request) => handle(request, (ctx, tx) => listVisibleAgencies(tx, ctx, request.query)),
  );

  app.post(
    '/api/agencies',
    {
      schema: {
        tags,
        summary: 'Create an agency',
        body: AgencyCreateSchema,
        response: { 201: AgencySchema },
      },
    },
    async (request, reply) => {
      const agency = await handle(request, (ctx, tx) => createAgency(tx, ctx, request.body));
      return reply.status(201).send(agency);
    },
  );

  app.get(
    '/api/agencies/:id',
    { schema: { tags, summary: 'Read an agency', params: IdParams, response: { 200: AgencySchema } } },
    async (request) => handle(request, (ctx, tx) => getAgency(tx, ctx, request.params.id)),
  );

  app.patch(
    '/api/agencies/:id',
    {
      schema: {
        tags,
        summary: 'Change an agency',
        params: IdParams,
        body: AgencyUpdateSchema,
        response: { 200: AgencySchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => changeAgency(tx, ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/units',
    {
      schema: {
        tags,
        summary: 'List units',
        querystring: UnitListQuery,
        response: { 200: z.array(UnitSchema) },
      },
    },
    async (request) => handle(request, (ctx, tx) => listVisibleUnits(tx, ctx, request.query)),
  );

  app.post(
    '/api/units',
    { schema: { tags, summary: 'Create a unit', body: UnitCreateSchema, response: { 201: UnitSchema } } },
    async (request, reply) => {
      const unit = await handle(request, (ctx, tx) => createUnit(tx, ctx, request.body));
      return reply.status(201).send(unit);
    },
  );

  app.patch(
    '/api/units/:id',
    {
      schema: {
        tags,
        summary: 'Change a unit',
        params: IdParams,
        body: UnitUpdateSchema,
        response: { 200: UnitSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => changeUnit(tx, ctx, request.params.id, request.body)),
  );
};
