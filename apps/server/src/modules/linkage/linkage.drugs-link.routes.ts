import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DrugsLinkSchema } from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import { drugsTraffickingLinks } from './linkage.drugs-link.service.ts';

/** The drugs-trafficking linkage view: /api/linkage/drugs-trafficking */
export const drugsLinkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/linkage/drugs-trafficking',
    {
      schema: {
        tags: ['linkage'],
        summary: 'Links between drug and trafficking cases',
        response: { 200: z.array(DrugsLinkSchema) },
      },
    },
    async (request) => handle(request, (ctx, tx) => drugsTraffickingLinks(tx, ctx)),
  );
};
