import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DirectoryEntryCreateSchema,
  DirectoryEntrySchema,
  DirectoryEntryUpdateSchema,
  DirectoryExportQuery,
  DirectoryListQuery,
  DirectoryPageSchema,
  IdParams,
} from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import { exportCsv, exportVcards, type DirectoryFile } from './directory.export.service.ts';
import {
  changeDirectoryEntry,
  confirmDirectoryEntry,
  createDirectoryEntry,
  getDirectoryEntry,
  listDirectory,
} from './directory.service.ts';

/**
 * GET/POST /api/directory, GET/PUT /api/directory/:id, POST /api/directory/:id/confirm,
 * GET /api/directory/export.vcf and /api/directory/export.csv (?jurisdiction=XX).
 */
export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['directory'];

  app.get(
    '/api/directory',
    {
      schema: {
        tags,
        summary: 'Search the directory of contact points',
        querystring: DirectoryListQuery,
        response: { 200: DirectoryPageSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => listDirectory(tx, ctx, request.query)),
  );
  app.post(
    '/api/directory',
    {
      schema: {
        tags,
        summary: 'Add a contact point',
        body: DirectoryEntryCreateSchema,
        response: { 201: DirectoryEntrySchema },
      },
    },
    async (request, reply) => {
      const created = await handle(request, (ctx, tx) => createDirectoryEntry(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );

  const sendFile = (file: DirectoryFile, reply: FastifyReply) =>
    reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.body);

  app.get(
    '/api/directory/export.vcf',
    {
      schema: {
        tags,
        summary: "A jurisdiction's contact points as vCard 4.0",
        querystring: DirectoryExportQuery,
      },
    },
    async (request, reply) =>
      sendFile(await handle(request, (ctx, tx) => exportVcards(tx, ctx, request.query.jurisdiction)), reply),
  );
  app.get(
    '/api/directory/export.csv',
    {
      schema: {
        tags,
        summary: "A jurisdiction's contact points as CSV",
        querystring: DirectoryExportQuery,
      },
    },
    async (request, reply) =>
      sendFile(await handle(request, (ctx, tx) => exportCsv(tx, ctx, request.query.jurisdiction)), reply),
  );

  app.get(
    '/api/directory/:id',
    {
      schema: {
        tags,
        summary: 'One contact point',
        params: IdParams,
        response: { 200: DirectoryEntrySchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => getDirectoryEntry(tx, ctx, request.params.id)),
  );
  app.put(
    '/api/directory/:id',
    {
      schema: {
        tags,
        summary: 'Change a contact point',
        params: IdParams,
        body: DirectoryEntryUpdateSchema,
        response: { 200: DirectoryEntrySchema },
      },
    },
    async (request) =>
      handle(request, (ctx, tx) => changeDirectoryEntry(tx, ctx, request.params.id, request.body)),
  );
  app.post(
    '/api/directory/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm that a contact point is current',
        params: IdParams,
        response: { 200: DirectoryEntrySchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => confirmDirectoryEntry(tx, ctx, request.params.id)),
  );
};
