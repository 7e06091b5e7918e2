import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseGraphSchema,
  CaseParams,
  CaseTimelineSchema,
  ChartNeighbourParams,
  ChartNeighbourQuery,
  SavedChartCreateSchema,
  SavedChartDeleteSchema,
  SavedChartParams,
  SavedChartSchema,
  SavedChartSummarySchema,
  SavedChartUpdateSchema,
} from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import {
  caseGraph,
  caseTimeline,
  createChart,
  entityNeighbours,
  getChart,
  listCharts,
  removeChart,
  updateChart,
} from './chart.service.ts';

/** The link chart of a case, its timeline and its saved charts: /api/cases/:caseId/graph ... */
export const chartRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['chart'];

  app.get(
    '/api/cases/:caseId/graph',
    {
      schema: {
        tags,
        summary: "The case's link chart",
        params: CaseParams,
        response: { 200: CaseGraphSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => caseGraph(tx, ctx, request.params.caseId)),
  );
  app.get(
    '/api/cases/:caseId/entities/:entityId/neighbours',
    {
      schema: {
        tags,
        summary: 'Expand one entity of the chart',
        params: ChartNeighbourParams,
        querystring: ChartNeighbourQuery,
        response: { 200: CaseGraphSchema },
      },
    },
    async (request) =>
      handle(request, (ctx, tx) =>
        entityNeighbours(tx, ctx, request.params.caseId, request.params.entityId, request.query.depth),
      ),
  );
  app.get(
    '/api/cases/:caseId/timeline',
    {
      schema: {
        tags,
        summary: "The case's events, trips and calls by time",
        params: CaseParams,
        response: { 200: CaseTimelineSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => caseTimeline(tx, ctx, request.params.caseId)),
  );

  app.get(
    '/api/cases/:caseId/charts',
    {
      schema: {
        tags,
        summary: 'List saved charts of a case',
        params: CaseParams,
        response: { 200: z.array(SavedChartSummarySchema) },
      },
    },
    async (request) => handle(request, (ctx, tx) => listCharts(tx, ctx, request.params.caseId)),
  );
  app.post(
    '/api/cases/:caseId/charts',
    {
      schema: {
        tags,
        summary: 'Save a chart',
        params: CaseParams,
        body: SavedChartCreateSchema,
        response: { 201: SavedChartSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await handle(request, (ctx, tx) => createChart(tx, ctx, request.params.caseId, request.body))),
  );
  app.get(
    '/api/cases/:caseId/charts/:chartId',
    {
      schema: {
        tags,
        summary: 'Read a saved chart',
        params: SavedChartParams,
        response: { 200: SavedChartSchema },
      },
    },
    async (request) =>
      handle(request, (ctx, tx) => getChart(tx, ctx, request.params.caseId, request.params.chartId)),
  );
  app.patch(
    '/api/cases/:caseId/charts/:chartId',
    {
      schema: {
        tags,
        summary: 'Change a saved chart',
        params: SavedChartParams,
        body: SavedChartUpdateSchema,
        response: { 200: SavedChartSchema },
      },
    },
    async (request) =>
      handle(request, (ctx, tx) =>
        updateChart(tx, ctx, request.params.caseId, request.params.chartId, request.body),
      ),
  );
  app.delete(
    '/api/cases/:caseId/charts/:chartId',
    {
      schema: {
        tags,
        summary: 'Delete a saved chart',
        params: SavedChartParams,
        body: SavedChartDeleteSchema,
      },
    },
    async (request, reply) => {
      await handle(request, (ctx, tx) =>
        removeChart(tx, ctx, request.params.caseId, request.params.chartId, request.body.reason),
      );
      return reply.status(204).send();
    },
  );
};
