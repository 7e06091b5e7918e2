import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  page,
  TemporaryPasswordSchema,
  UserCreateSchema,
  UserListQuery,
  UserSchema,
  UserUpdateSchema,
} from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import {
  changeUser,
  createUser,
  getUser,
  listVisibleUsers,
  resetPassword,
  resetTwoFactor,
  revokeSessions,
} from './users.service.ts';

const UserPage = page(UserSchema);

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['users'];

  app.get(
    '/api/users',
    { schema: { tags, summary: 'List users', querystring: UserListQuery, response: { 200: UserPage } } },
    async (request) => handle(request, (ctx, tx) => listVisibleUsers(tx, ctx, request.query)),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create a user with a temporary password',
        body: UserCreateSchema,
        response: { 201: TemporaryPasswordSchema },
      },
    },
    async (request, reply) => {
      const created = await handle(request, (ctx, tx) => createUser(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/users/:id',
    { schema: { tags, summary: 'Read a user', params: IdParams, response: { 200: UserSchema } } },
    async (request) => handle(request, (ctx, tx) => getUser(tx, ctx, request.params.id)),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user',
        params: IdParams,
        body: UserUpdateSchema,
        response: { 200: UserSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => changeUser(tx, ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: "Reset a user's password",
        params: IdParams,
        response: { 200: TemporaryPasswordSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => resetPassword(tx, ctx, request.params.id)),
  );

  app.post(
    '/api/users/:id/reset-totp',
    {
      schema: {
        tags,
        summary: "Reset a user's two-factor authentication",
        params: IdParams,
        response: { 200: UserSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => resetTwoFactor(tx, ctx, request.params.id)),
  );

  app.post(
    '/api/users/:id/revoke-sessions',
    { schema: { tags, summary: "End all of a user's sessions", params: IdParams } },
    async (request, reply) => {
      await handle(request, (ctx, tx) => revokeSessions(tx, ctx, request.params.id));
      return reply.status(204).send();
    },
  );
};
