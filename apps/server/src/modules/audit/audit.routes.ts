import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditEntrySchema, AuditSearchQuery, AuditVerifySchema, page } from '@veza/shared';
import { handle } from '../../platform/http/handle.ts';
import { searchAuditTrail, verifyAuditTrail } from './audit.service.ts';

/** GET /api/audit and GET /api/audit/verify (docs/api-contract.md). */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit trail',
        querystring: AuditSearchQuery,
        response: { 200: page(AuditEntrySchema) },
      },
    },
    (request) => handle(request, (ctx, tx) => searchAuditTrail(ctx, tx, request.query)),
  );

  routes.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain of the audit trail',
        response: { 200: AuditVerifySchema },
      },
    },
    (request) => handle(request, (ctx, tx) => verifyAuditTrail(ctx, tx)),
  );
}
