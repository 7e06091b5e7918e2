import type { AuditedAction } from '@veza/shared';
import type { Queryable } from '@veza/db';
import type { Locale, Me } from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import { actorOf, findAccountById, type Account } from '../../platform/auth/account.repository.ts';
import { hashPassword, isAcceptablePassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { openSecret, sealSecret } from '../../platform/auth/secret-box.ts';
import {
  deleteSessionByHandle,
  deleteSessionsOfUser,
  listSessionsOfUser,
  saveJustification,
} from '../../platform/auth/session.repository.ts';
import { newTotpSecret, totpQrSvg, totpUri, verifyTotp } from '../../platform/auth/totp.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decide } from '../../platform/policy/index.ts';
import {
  clearTotp,
  enableTotp,
  savePendingTotpSecret,
  updateLanguage,
  updatePassword,
} from '../users/index.ts';
import { presentMe } from './me.presenter.ts';

/** The signed-in user's own account, read inside the transaction so changes are seen at once. */
async function ownAccount(tx: Queryable, ctx: RequestContext): Promise<Account> {
  const account = ctx.actor ? await findAccountById(tx, ctx.actor.userId) : null;
  if (!account) throw new AppError('unauthenticated');
  return account;
}

async function auditOwnChange(
  tx: Queryable,
  ctx: RequestContext,
  account: Account,
  action: AuditedAction,
): Promise<void> {
  await appendAudit(tx, ctx, {
    operation: 'alteration',
    action,
    recordType: 'user',
    recordId: account.id,
    subjectId: account.id,
    subjectLabel: account.displayName,
    outcome: 'allowed',
  });
}

export async function changeLanguage(tx: Queryable, ctx: RequestContext, language: Locale): Promise<Me> {
  const account = await ownAccount(tx, ctx);
  await updateLanguage(tx, account.id, language);
  return presentMe({ ...account, language });
}

export async function changePassword(
  tx: Queryable,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const account = await ownAccount(tx, ctx);
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw new AppError('password_incorrect');
  }
  if (input.newPassword === input.currentPassword) throw new AppError('password_reused');
  if (!isAcceptablePassword(input.newPassword, account)) throw new AppError('password_too_weak');
  await updatePassword(tx, account.id, await hashPassword(input.newPassword), new Date());
  // Whoever may have known the old password loses every other session with it.
  await deleteSessionsOfUser(tx, account.id, ctx.sessionId);
  await auditOwnChange(tx, ctx, account, 'user.password.change');
}

export async function startTotpSetup(
  tx: Queryable,
  ctx: RequestContext,
  secretKey: Buffer,
): Promise<{ secret: string; otpauthUrl: string; qrSvg: string }> {
  const account = await ownAccount(tx, ctx);
  if (account.totpSecret !== null) {
    throw new AppError('totp_already_on', { message: 'Two-factor authentication is already on' });
  }
  const secret = newTotpSecret();
  await savePendingTotpSecret(tx, account.id, sealSecret(secretKey, secret));
  const otpauthUrl = totpUri(secret, account.email);
  return { secret, otpauthUrl, qrSvg: await totpQrSvg(otpauthUrl) };
}

export async function confirmTotp(
  tx: Queryable,
  ctx: RequestContext,
  code: string,
  secretKey: Buffer,
): Promise<Me> {
  const account = await ownAccount(tx, ctx);
  if (account.totpPendingSecret === null) {
    throw new AppError('totp_setup_not_started', { message: 'Start the two-factor set-up first' });
  }
  const step = await verifyTotp(openSecret(secretKey, account.totpPendingSecret), code, null);
  if (step === null) throw new AppError('totp_invalid');
  await enableTotp(tx, account.id, account.totpPendingSecret, step);
  await auditOwnChange(tx, ctx, account, 'user.totp.enable');
  return presentMe({
    ...account,
    totpSecret: account.totpPendingSecret,
    totpPendingSecret: null,
    totpLastStep: step,
  });
}

export async function disableTotp(tx: Queryable, ctx: RequestContext, password: string): Promise<Me> {
  const account = await ownAccount(tx, ctx);
  if (!(await verifyPassword(account.passwordHash, password))) throw new AppError('password_incorrect');
  // Administrators must keep two-factor on (me.policy.ts).
  if (!decide(actorOf(account), 'account.totp.disable', { type: 'account', userId: account.id }).allowed) {
    throw new AppError('administrator_keeps_totp', {
      message: 'Administrators must keep two-factor authentication',
    });
  }
  await clearTotp(tx, account.id);
  await auditOwnChange(tx, ctx, account, 'user.totp.disable');
  return presentMe({ ...account, totpSecret: null, totpPendingSecret: null, totpLastStep: null });
}

export async function listOwnSessions(tx: Queryable, ctx: RequestContext) {
  const account = await ownAccount(tx, ctx);
  const sessions = await listSessionsOfUser(tx, account.id);
  return sessions.map((s) => ({
    id: s.handle,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === ctx.sessionId,
  }));
}

export async function revokeOwnSession(tx: Queryable, ctx: RequestContext, handle: string): Promise<void> {
  const account = await ownAccount(tx, ctx);
  if (!(await deleteSessionByHandle(tx, account.id, handle))) throw new AppError('not_found');
}

export async function rememberJustification(
  tx: Queryable,
  ctx: RequestContext,
  input: { scope: string; text: string },
): Promise<void> {
  if (!ctx.sessionId) throw new AppError('unauthenticated');
  await saveJustification(tx, ctx.sessionId, input.scope, input.text);
}
