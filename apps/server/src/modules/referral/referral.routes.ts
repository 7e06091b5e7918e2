import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  ProviderCreateSchema,
  ProviderListQuery,
  ProviderSchema,
  ProviderUpdateSchema,
  ReferralConsentQuery,
  ReferralConsentSchema,
  ReferralCreateSchema,
  ReferralIdentitySchema,
  ReferralListQuery,
  ReferralPageSchema,
  ReferralSchema,
  ReferralTransitionSchema,
} from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import { changeProvider, createProvider, listProviderDirectory } from './referral.providers.service.ts';
import {
  acknowledgeReferral,
  createReferral,
  getReferral,
  listReferrals,
  moveReferral,
  previewConsent,
  referralIdentity,
} from './referral.service.ts';

/**
 * GET/POST /api/providers, PATCH /api/providers/:id; GET/POST /api/referrals, GET /api/referrals/consent,
 * GET /api/referrals/:id, GET /api/referrals/:id/identity, POST /api/referrals/:id/transitions,
 * POST /api/referrals/:id/acknowledge.
 */
export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['referral'];
  const key = () => app.config.secretKey;

  app.get(
    '/api/providers',
    {
      schema: {
        tags,
        summary: 'List service providers',
        querystring: ProviderListQuery,
        response: { 200: z.array(ProviderSchema) },
      },
    },
    async (request) => handle(request, (ctx, tx) => listProviderDirectory(tx, ctx, request.query)),
  );
  app.post(
    '/api/providers',
    {
      schema: {
        tags,
        summary: 'Add a service provider',
        body: ProviderCreateSchema,
        response: { 201: ProviderSchema },
      },
    },
    async (request, reply) => {
      const created = await handle(request, (ctx, tx) => createProvider(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );
  app.patch(
    '/api/providers/:id',
    {
      schema: {
        tags,
        summary: 'Change a service provider',
        params: IdParams,
        body: ProviderUpdateSchema,
        response: { 200: ProviderSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => changeProvider(tx, ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/referrals',
    {
      schema: {
        tags,
        summary: 'List referrals',
        querystring: ReferralListQuery,
        response: { 200: ReferralPageSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => listReferrals(tx, ctx, request.query)),
  );
  app.get(
    '/api/referrals/consent',
    {
      schema: {
        tags,
        summary: 'What the consent in force allows a referral to share',
        querystring: ReferralConsentQuery,
        response: { 200: ReferralConsentSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => previewConsent(tx, ctx, request.query)),
  );
  app.post(
    '/api/referrals',
    {
      schema: {
        tags,
        summary: 'Propose a referral',
        body: ReferralCreateSchema,
        response: { 201: ReferralSchema },
      },
    },
    async (request, reply) => {
      const created = await handle(request, (ctx, tx) => createReferral(tx, ctx, request.body, key()));
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/referrals/:id',
    {
      schema: {
        tags,
        summary: 'Read a referral with its timeline',
        params: IdParams,
        response: { 200: ReferralSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => getReferral(tx, ctx, request.params.id, key())),
  );
  app.get(
    '/api/referrals/:id/identity',
    {
      schema: {
        tags,
        summary: "The referred person's shared identity",
        params: IdParams,
        response: { 200: ReferralIdentitySchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => referralIdentity(tx, ctx, request.params.id, key())),
  );
  app.post(
    '/api/referrals/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Move a referral to its next status',
        params: IdParams,
        body: ReferralTransitionSchema,
        response: { 200: ReferralSchema },
      },
    },
    async (request) =>
      handle(request, (ctx, tx) => moveReferral(tx, ctx, request.params.id, request.body, key())),
  );
  app.post(
    '/api/referrals/:id/acknowledge',
    {
      schema: {
        tags,
        summary: 'Acknowledge receipt of a referral',
        params: IdParams,
        response: { 200: ReferralSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => acknowledgeReferral(tx, ctx, request.params.id, key())),
  );
};
