import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { StatisticsQuery, StatisticsTableSchema } from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import { exportStatistics, readStatistics } from './statistics.service.ts';

/** GET /api/statistics (the protected table) and GET /api/statistics.csv (its export). */
export const statisticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['statistics'];

  app.get(
    '/api/statistics',
    {
      schema: {
        tags,
        summary: 'Protected statistics',
        querystring: StatisticsQuery,
        response: { 200: StatisticsTableSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => readStatistics(tx, ctx, request.query)),
  );

  app.get(
    '/api/statistics.csv',
    { schema: { tags, summary: 'Protected statistics as CSV', querystring: StatisticsQuery } },
    async (request, reply) => {
      const { csv, filename } = await handle(request, (ctx, tx) => exportStatistics(tx, ctx, request.query));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
};
