import type { Queryable } from '@veza/db';
import type { LoginRequest } from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import { actorOf, findAccountByEmail, type Account } from '../../platform/auth/account.repository.ts';
import { verifyAgainstDummy, verifyPassword } from '../../platform/auth/passwords.ts';
import { openSecret } from '../../platform/auth/secret-box.ts';
import { deleteSession, deleteSessionsOfUser } from '../../platform/auth/session.repository.ts';
import { createSession, type NewSession } from '../../platform/auth/session.service.ts';
import { verifyTotp } from '../../platform/auth/totp.ts';
import type { Config } from '../../platform/config.ts';
import type { RequestContext } from '../../platform/context.ts';
import { failedSignInsSince } from '../audit/index.ts';
import { lastSignInOf, recordFailedAttempt, recordSuccessfulSignIn } from '../users/index.ts';

export type SignInFailureReason =
  'unknown_email' | 'wrong_password' | 'wrong_code' | 'disabled' | 'demo_account_outside_demo';

export type SignInResult =
  | {
      ok: true;
      session: NewSession;
      account: Account;
      /** Failed sign-ins on the account since its previous sign-in, told to its owner. */
      failedSignIns: { count: number; lastAt: string } | null;
    }
  | { ok: false; code: 'totp_required' }
  | {
      ok: false;
      code: 'invalid_credentials';
      reason: SignInFailureReason;
      email: string;
      account: Account | null;
    };

type SignInFailure = Extract<SignInResult, { code: 'invalid_credentials' }>;

/**
 * Checks the credentials and, when they hold, opens a session. Failures are returned rather than
 * thrown so that the caller can record them in a transaction of their own: the failed-attempt count
 * must survive even though the sign-in fails. Every failure looks the same from outside.
 */
export async function signIn(
  tx: Queryable,
  ctx: RequestContext,
  input: LoginRequest,
  config: Config,
  now = new Date(),
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const account = await findAccountByEmail(tx, email);
  const fail = (reason: SignInFailureReason): SignInFailure => ({
    ok: false,
    code: 'invalid_credentials',
    reason,
    email,
    account,
  });
  if (!account) {
    await verifyAgainstDummy(input.password);
    return fail('unknown_email');
  }
  // The password is checked even for a disabled account so the answer time stays the same.
  const passwordOk = await verifyPassword(account.passwordHash, input.password);
  if (!passwordOk) return fail('wrong_password');
  if (account.status !== 'active') return fail('disabled');
  if (account.isDemo && config.env !== 'demo') return fail('demo_account_outside_demo');

  let totpStep: number | null = null;
  if (account.totpSecret !== null) {
    if (input.totp === undefined) return { ok: false, code: 'totp_required' };
    const secret = openSecret(config.secretKey, account.totpSecret);
    totpStep = await verifyTotp(secret, input.totp, account.totpLastStep);
    if (totpStep === null) return fail('wrong_code');
  }

  const failedSignIns = await failedSignInsSince(tx, account.id, await lastSignInOf(tx, account.id));
  await recordSuccessfulSignIn(tx, account.id, now, totpStep);
  const session = await createSession(
    tx,
    { userId: account.id, ip: ctx.ip, userAgent: ctx.userAgent, now },
    config.session,
  );
  await appendAudit(
    tx,
    { ...ctx, actor: actorOf(account), sessionId: session.id },
    {
      operation: 'sign_in',
      action: 'auth.sign_in',
      recordType: 'user',
      recordId: account.id,
      subjectId: account.id,
      subjectLabel: account.displayName,
      outcome: 'allowed',
    },
  );
  return { ok: true, session, account, failedSignIns };
}

/** Counts the failure against the account (it never locks: see the sign-in throttle) and logs it. */
export async function recordFailedSignIn(
  tx: Queryable,
  ctx: RequestContext,
  failure: SignInFailure,
): Promise<void> {
  if (failure.account) await recordFailedAttempt(tx, failure.account.id);
  await appendAudit(tx, ctx, {
    operation: 'sign_in_failed',
    action: 'auth.sign_in',
    ...(failure.account
      ? {
          recordType: 'user',
          recordId: failure.account.id,
          subjectId: failure.account.id,
          subjectLabel: failure.account.displayName,
          jurisdiction: actorOf(failure.account).jurisdiction,
        }
      : {}),
    outcome: 'failed',
    details: { email: failure.email, reason: failure.reason },
  });
}

export async function signOut(tx: Queryable, ctx: RequestContext, everywhere: boolean): Promise<void> {
  if (!ctx.actor || !ctx.sessionId) return;
  if (everywhere) await deleteSessionsOfUser(tx, ctx.actor.userId);
  else await deleteSession(tx, ctx.sessionId);
  await appendAudit(tx, ctx, {
    operation: 'sign_out',
    action: everywhere ? 'auth.sign_out_everywhere' : 'auth.sign_out',
    recordType: 'user',
    recordId: ctx.actor.userId,
    subjectId: ctx.actor.userId,
    subjectLabel: ctx.actor.displayName,
    outcome: 'allowed',
  });
}
