import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseImportSchema,
  CaseParams,
  ExportFileSchema,
  ExportRequestSchema,
  ImportParams,
  ImportPreviewRequestSchema,
  ImportPreviewSchema,
  ImportStartSchema,
  MAX_IMPORT_BYTES,
} from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import { exportCase } from './exchange.export.service.ts';
import {
  getImport,
  listImports,
  openImport,
  presentImport,
  previewImport,
  runInBackground,
  runningImport,
} from './exchange.import.service.ts';

/** Files travel base64-encoded: a third larger than the file, plus the rest of the body. */
const UPLOAD_BODY_LIMIT = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 64 * 1024;

/** Imports into a case and exports of it: /api/cases/:caseId/imports, /api/cases/:caseId/exports. */
export const exchangeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['exchange'];

  app.post(
    '/api/cases/:caseId/imports/preview',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags,
        summary: "Preview a file's headings and first rows",
        params: CaseParams,
        body: ImportPreviewRequestSchema,
        response: { 200: ImportPreviewSchema },
      },
    },
    async (request) =>
      handle(request, (ctx, tx) => previewImport(tx, ctx, request.params.caseId, request.body)),
  );

  // The import answers at once with its record; the rows go in afterwards, in one transaction of
  // their own, and the page polls the record for progress and the report.
  app.post(
    '/api/cases/:caseId/imports',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Start an import into a case',
        params: CaseParams,
        body: ImportStartSchema,
        response: { 202: CaseImportSchema },
      },
    },
    async (request, reply) => {
      const { job, row } = await handle(request, (ctx, tx) =>
        openImport(tx, ctx, request.params.caseId, request.body),
      );
      void runInBackground(app.database.db, request.context, job, row);
      return reply.status(202).send(presentImport(row));
    },
  );

  app.get(
    '/api/cases/:caseId/imports',
    {
      schema: {
        tags,
        summary: 'List the imports of a case',
        params: CaseParams,
        response: { 200: z.array(CaseImportSchema) },
      },
    },
    async (request) => handle(request, (ctx, tx) => listImports(tx, ctx, request.params.caseId)),
  );

  app.get(
    '/api/cases/:caseId/imports/:importId',
    {
      schema: {
        tags,
        summary: "An import's progress and outcome",
        params: ImportParams,
        response: { 200: CaseImportSchema },
      },
    },
    async (request) => {
      const { caseId, importId } = request.params;
      return (
        runningImport(request.context, caseId, importId) ??
        handle(request, (ctx, tx) => getImport(tx, ctx, caseId, importId))
      );
    },
  );

  app.post(
    '/api/cases/:caseId/exports',
    {
      schema: {
        tags,
        summary: 'Export a case (a disclosure)',
        params: CaseParams,
        body: ExportRequestSchema,
        response: { 200: ExportFileSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => exportCase(tx, ctx, request.params.caseId, request.body)),
  );
};
