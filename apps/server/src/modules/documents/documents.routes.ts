import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, LocaleSchema } from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import { printReferralForm, printScreeningSummary } from './documents.service.ts';
import type { PrintedDocument } from './documents.service.ts';

/** `?lang=sr-Cyrl&lang=sq`: the officer's and the person's language (one or two); `identity=true` prints the name. */
const DocumentQuery = z.strictObject({
  lang: z
    .union([LocaleSchema, z.array(LocaleSchema).min(1).max(2)])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .optional(),
  identity: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

/** GET /api/screenings/:id/summary.pdf and GET /api/referrals/:id/form.pdf. */
export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['documents'];
  const key = () => app.config.secretKey;

  const send = (reply: FastifyReply, document: PrintedDocument) =>
    reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${document.filename}"`)
      .header('cache-control', 'no-store')
      .send(document.pdf);

  app.get(
    '/api/screenings/:id/summary.pdf',
    { schema: { tags, summary: 'Screening summary as PDF', params: IdParams, querystring: DocumentQuery } },
    async (request, reply) =>
      send(
        reply,
        await handle(request, (ctx, tx) =>
          printScreeningSummary(tx, ctx, request.params.id, request.query, key()),
        ),
      ),
  );

  app.get(
    '/api/referrals/:id/form.pdf',
    { schema: { tags, summary: 'Referral form as PDF', params: IdParams, querystring: DocumentQuery } },
    async (request, reply) =>
      send(
        reply,
        await handle(request, (ctx, tx) =>
          printReferralForm(tx, ctx, request.params.id, request.query, key()),
        ),
      ),
  );
};
