import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  JustificationSchema,
  LanguageChangeSchema,
  MeSchema,
  PasswordChangeSchema,
  SessionInfoSchema,
  TotpConfirmSchema,
  TotpDisableSchema,
  TotpSetupSchema,
} from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import { requireSession } from '../../platform/http/require-session.ts';
import { presentMe } from './me.presenter.ts';
import {
  changeLanguage,
  changePassword,
  confirmTotp,
  disableTotp,
  listOwnSessions,
  rememberJustification,
  revokeOwnSession,
  startTotpSetup,
} from './me.service.ts';

const SessionHandleParams = z.strictObject({ id: z.string().min(1).max(100) });

/** The signed-in user's own account: nothing here needs the policy engine, only a session. */
export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['me'];
  app.addHook('onRequest', async (request) => {
    requireSession(request);
  });

  app.get(
    '/api/me',
    { schema: { tags, summary: 'The signed-in user', response: { 200: MeSchema } } },
    async (request) => presentMe(requireSession(request).account),
  );

  app.put(
    '/api/me/language',
    {
      schema: {
        tags,
        summary: "Change the user's language",
        body: LanguageChangeSchema,
        response: { 200: MeSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => changeLanguage(tx, ctx, request.body.language)),
  );

  app.post(
    '/api/me/password',
    { schema: { tags, summary: 'Change the password', body: PasswordChangeSchema } },
    async (request, reply) => {
      await handle(request, (ctx, tx) => changePassword(tx, ctx, request.body));
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/me/totp/setup',
    {
      schema: {
        tags,
        summary: 'Start setting up two-factor authentication',
        response: { 200: TotpSetupSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => startTotpSetup(tx, ctx, app.config.secretKey)),
  );

  app.post(
    '/api/me/totp/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm two-factor authentication with a code',
        body: TotpConfirmSchema,
        response: { 200: MeSchema },
      },
    },
    async (request) =>
      handle(request, (ctx, tx) => confirmTotp(tx, ctx, request.body.code, app.config.secretKey)),
  );

  app.post(
    '/api/me/totp/disable',
    {
      schema: {
        tags,
        summary: 'Turn two-factor authentication off',
        body: TotpDisableSchema,
        response: { 200: MeSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => disableTotp(tx, ctx, request.body.password)),
  );

  app.get(
    '/api/me/sessions',
    { schema: { tags, summary: "List the user's sessions", response: { 200: z.array(SessionInfoSchema) } } },
    async (request) => handle(request, (ctx, tx) => listOwnSessions(tx, ctx)),
  );

  app.delete(
    '/api/me/sessions/:id',
    { schema: { tags, summary: 'End one of the sessions', params: SessionHandleParams } },
    async (request, reply) => {
      await handle(request, (ctx, tx) => revokeOwnSession(tx, ctx, request.params.id));
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/me/justifications',
    { schema: { tags, summary: 'Give a justification for this session', body: JustificationSchema } },
    async (request, reply) => {
      await handle(request, (ctx, tx) => rememberJustification(tx, ctx, request.body));
      return reply.status(204).send();
    },
  );
};
