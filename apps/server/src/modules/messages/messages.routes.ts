import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AttachmentParams,
  IdParams,
  MAX_ATTACHMENT_BYTES,
  MessageCreateSchema,
  MessageForwardSchema,
  MessagePermissionAnswerSchema,
  MessagePermissionAskSchema,
  MessagePermissionSchema,
  MessageReadQuery,
  MessageSchema,
  MessageThreadPageSchema,
  MessageThreadSchema,
  ThreadExportQuery,
  ThreadParams,
} from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import {
  acknowledgeMessage,
  answerPermission,
  askPermission,
  exportThread,
  forwardMessage,
  getAttachment,
  getThread,
  listThreads,
  readMessage,
  sendMessage,
} from './messages.service.ts';

/**
 * Files travel base64-encoded (a third larger). The body may hold two files of the largest size, so
 * that a file over the limit is answered with its own code (413 attachment_too_large, naming it)
 * rather than the generic refusal of an oversized body.
 */
const MESSAGE_BODY_LIMIT = Math.ceil((2 * MAX_ATTACHMENT_BYTES * 4) / 3) + 256 * 1024;

/**
 * GET/POST /api/messages, GET /api/messages/threads/:threadId(/export.pdf), GET /api/messages/:id,
 * POST /api/messages/:id/{acknowledge,forward,permission-requests},
 * POST /api/messages/permission-requests/:id/answer, GET /api/messages/:id/attachments/:aid.
 */
export const messagesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['messages'];

  app.get(
    '/api/messages',
    {
      schema: {
        tags,
        summary: 'The threads of my unit: subject, strictest handling code, evaluation, unread count',
        response: { 200: MessageThreadPageSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => listThreads(tx, ctx)),
  );
  app.post(
    '/api/messages',
    {
      bodyLimit: MESSAGE_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Send a handling-coded message (a new thread, or a reply with threadId)',
        body: MessageCreateSchema,
        response: { 201: MessageSchema },
      },
    },
    async (request, reply) => {
      const sent = await handle(request, (ctx, tx) => sendMessage(tx, ctx, request.body));
      return reply.status(201).send(sent);
    },
  );
  app.get(
    '/api/messages/threads/:threadId',
    {
      schema: {
        tags,
        summary: 'A thread: the messages my unit is party to (H3 content held back)',
        params: ThreadParams,
        response: { 200: MessageThreadSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => getThread(tx, ctx, request.params.threadId)),
  );
  app.get(
    '/api/messages/threads/:threadId/export.pdf',
    {
      schema: {
        tags,
        summary: 'Print a thread (court: H1 needs the provider’s permission); a disclosure',
        params: ThreadParams,
        querystring: ThreadExportQuery,
      },
    },
    async (request, reply) => {
      const printed = await handle(request, (ctx, tx) =>
        exportThread(tx, ctx, request.params.threadId, request.query),
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${printed.filename}"`)
        .header('cache-control', 'no-store')
        .send(printed.pdf);
    },
  );
  app.get(
    '/api/messages/:id',
    {
      schema: {
        tags,
        summary: 'Read a message (sets the read receipt; H3: show=content after the restrictions)',
        params: IdParams,
        querystring: MessageReadQuery,
        response: { 200: MessageSchema },
      },
    },
    async (request) =>
      handle(request, (ctx, tx) => readMessage(tx, ctx, request.params.id, request.query.show)),
  );
  app.post(
    '/api/messages/:id/acknowledge',
    {
      schema: {
        tags,
        summary: 'Acknowledge a received message',
        params: IdParams,
        response: { 200: MessageSchema },
      },
    },
    async (request) => handle(request, (ctx, tx) => acknowledgeMessage(tx, ctx, request.params.id)),
  );
  app.post(
    '/api/messages/:id/forward',
    {
      schema: {
        tags,
        summary: 'Forward a copy to another unit (H2: only with the provider’s permission)',
        params: IdParams,
        body: MessageForwardSchema,
        response: { 201: MessageSchema },
      },
    },
    async (request, reply) => {
      const copy = await handle(request, (ctx, tx) =>
        forwardMessage(tx, ctx, request.params.id, request.body),
      );
      return reply.status(201).send(copy);
    },
  );
  app.post(
    '/api/messages/:id/permission-requests',
    {
      schema: {
        tags,
        summary: 'Ask the provider for permission to forward (H2) or to use in court (H1)',
        params: IdParams,
        body: MessagePermissionAskSchema,
        response: { 201: MessagePermissionSchema },
      },
    },
    async (request, reply) => {
      const asked = await handle(request, (ctx, tx) =>
        askPermission(tx, ctx, request.params.id, request.body),
      );
      return reply.status(201).send(asked);
    },
  );
  app.post(
    '/api/messages/permission-requests/:id/answer',
    {
      schema: {
        tags,
        summary: 'The provider grants or refuses a permission request',
        params: IdParams,
        body: MessagePermissionAnswerSchema,
        response: { 200: MessagePermissionSchema },
      },
    },
    async (request) =>
      handle(request, (ctx, tx) => answerPermission(tx, ctx, request.params.id, request.body)),
  );
  app.get(
    '/api/messages/:id/attachments/:aid',
    {
      schema: {
        tags,
        summary: 'Download an attachment (its handling code and 4x4 in the headers); a disclosure',
        params: AttachmentParams,
      },
    },
    async (request, reply) => {
      const file = await handle(request, (ctx, tx) =>
        getAttachment(tx, ctx, request.params.id, request.params.aid),
      );
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-veza-handling-code', file.handlingCode)
        .header('x-veza-evaluation', file.evaluation)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
};
