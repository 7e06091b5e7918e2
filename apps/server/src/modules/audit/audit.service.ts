import type { Tx } from '@veza/db';
import type { AuditEntry, AuditSearch } from '@veza/shared';
import { appendAudit, verifyAuditChain } from '../../platform/audit/index.ts';
import type { ChainVerification } from '../../platform/audit/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize, listScope } from '../../platform/policy/index.ts';
import { searchAuditEntries } from './audit.repository.ts';

/** Justification scopes that cover an audit search: one given for audit work, or for the whole session. */
const JUSTIFICATION_SCOPES = ['audit', 'session'] as const;

/**
 * Searching the trail is itself a consultation of personal data (who looked at which victim), so it
 * needs a stated reason and leaves its own entry, filters included, in the same transaction.
 */
export async function searchAuditTrail(
  ctx: RequestContext,
  tx: Tx,
  filters: AuditSearch,
): Promise<{ items: AuditEntry[]; total: number }> {
  const actor = requireActor(ctx);
  authorize(ctx, 'audit.search', { type: 'audit', jurisdiction: filters.jurisdiction ?? actor.jurisdiction });
  const justification = justificationFor(ctx);
  const result = await searchAuditEntries(tx, filters, listScope(actor, 'audit.search', 'audit'));
  await appendAudit(tx, ctx, {
    operation: 'consultation',
    action: 'audit.search',
    recordType: 'audit',
    justification,
    outcome: 'allowed',
    details: { filters: withoutEmpty(filters), total: result.total },
  });
  return result;
}

/** Walks the whole chain; the check itself is recorded so an auditor can see when it last passed. */
export async function verifyAuditTrail(ctx: RequestContext, tx: Tx): Promise<ChainVerification> {
  const actor = requireActor(ctx);
  authorize(ctx, 'audit.verify', { type: 'audit', jurisdiction: actor.jurisdiction });
  const result = await verifyAuditChain(tx);
  await appendAudit(tx, ctx, {
    operation: 'consultation',
    action: 'audit.verify',
    recordType: 'audit',
    outcome: 'allowed',
    details: { ...result },
  });
  return result;
}

function requireActor(ctx: RequestContext) {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx.actor;
}

function justificationFor(ctx: RequestContext): string {
  for (const scope of JUSTIFICATION_SCOPES) {
    const text = ctx.justifications.get(scope);
    if (text) return text;
  }
  throw new AppError('justification_required', { details: { scopes: [...JUSTIFICATION_SCOPES] } });
}

function withoutEmpty(filters: AuditSearch): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== ''),
  );
}
