import type { AuditedAction } from '@veza/shared';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Queryable } from '@veza/db';
import { DEFAULT_LOCALE, JURISDICTION_DEFAULT_LOCALE } from '@veza/shared';
import type { User, UserCreate, UserListQuery, UserUpdate } from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import { generateReadablePassword, hashPassword } from '../../platform/auth/passwords.ts';
import { deleteSessionsOfUser } from '../../platform/auth/session.repository.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { allowedActions, authorize, listScope } from '../../platform/policy/index.ts';
import type { Resource } from '../../platform/policy/index.ts';
import { findUnitPlace } from '../organisation/index.ts';
import {
  countOtherActiveAdministrators,
  emailInUse,
  findUser,
  insertUser,
  listUsers,
  replaceRoles,
  resetTotp,
  setTemporaryPassword,
  updateUser,
  type UserRow,
} from './users.repository.ts';

type UserListFilter = z.output<typeof UserListQuery>;

function signedIn(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx.actor;
}

function userResource(user: Pick<UserRow, 'id' | 'jurisdiction' | 'agencyId' | 'unitId'>): Resource {
  return {
    type: 'user',
    userId: user.id,
    jurisdiction: user.jurisdiction,
    agencyId: user.agencyId,
    unitId: user.unitId,
  };
}

function presentUser(actor: Actor, row: UserRow): User {
  return {
    ...row,
    lockedUntil:
      row.lockedUntil && row.lockedUntil.getTime() > Date.now() ? row.lockedUntil.toISOString() : null,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    allowed: allowedActions(actor, userResource(row)),
  };
}

async function auditUserChange(
  tx: Queryable,
  ctx: RequestContext,
  user: Pick<UserRow, 'id' | 'displayName'>,
  input: { operation: 'collection' | 'alteration'; action: AuditedAction; details?: Record<string, unknown> },
): Promise<void> {
  await appendAudit(tx, ctx, {
    ...input,
    recordType: 'user',
    recordId: user.id,
    subjectId: user.id,
    subjectLabel: user.displayName,
    outcome: 'allowed',
  });
}

async function unitPlaceOrFail(tx: Queryable, unitId: string) {
  const place = await findUnitPlace(tx, unitId);
  if (!place) {
    throw new AppError('validation_failed', {
      fieldProblems: [{ path: 'unitId', code: 'not_found', message: 'No such unit' }],
    });
  }
  return place;
}

async function reload(tx: Queryable, id: string): Promise<UserRow> {
  const user = await findUser(tx, id);
  if (!user) throw new Error(`user ${id} vanished inside its own transaction`);
  return user;
}

/** The user when the actor may see it; otherwise "not found" (and the denial is logged). */
async function visibleUser(tx: Queryable, ctx: RequestContext, id: string): Promise<UserRow> {
  const user = await findUser(tx, id);
  if (!user) throw new AppError('not_found');
  authorize(ctx, 'user.view', userResource(user));
  return user;
}

async function manageableUser(tx: Queryable, ctx: RequestContext, id: string): Promise<UserRow> {
  const user = await visibleUser(tx, ctx, id);
  authorize(ctx, 'user.manage', userResource(user));
  return user;
}

export async function listVisibleUsers(
  tx: Queryable,
  ctx: RequestContext,
  query: UserListFilter,
): Promise<{ items: User[]; total: number }> {
  const actor = signedIn(ctx);
  const { limit, offset, ...filter } = query;
  const { rows, total } = await listUsers(
    tx,
    { scope: listScope(actor, 'user.view', 'user'), ...filter },
    { limit, offset },
  );
  return { items: rows.map((row) => presentUser(actor, row)), total };
}

export async function getUser(tx: Queryable, ctx: RequestContext, id: string): Promise<User> {
  const actor = signedIn(ctx);
  const user = await visibleUser(tx, ctx, id);
  // Reading a colleague's staff record is a consultation of personal data (LED art. 25).
  if (user.id !== actor.userId) {
    await appendAudit(tx, ctx, {
      operation: 'consultation',
      action: 'user.view',
      recordType: 'user',
      recordId: user.id,
      subjectId: user.id,
      subjectLabel: user.displayName,
      ...(ctx.justifications.get('session') ? { justification: ctx.justifications.get('session') } : {}),
      outcome: 'allowed',
    });
  }
  return presentUser(actor, user);
}

export async function createUser(
  tx: Queryable,
  ctx: RequestContext,
  input: UserCreate,
): Promise<{ user: User; temporaryPassword: string }> {
  const actor = signedIn(ctx);
  const place = await unitPlaceOrFail(tx, input.unitId);
  const id = uuidv7();
  authorize(ctx, 'user.manage', { type: 'user', userId: id, ...place });
  if (await emailInUse(tx, input.email)) throw new AppError('email_taken');
  const temporaryPassword = generateReadablePassword();
  const language =
    input.language ?? (place.jurisdiction ? JURISDICTION_DEFAULT_LOCALE[place.jurisdiction] : DEFAULT_LOCALE);
  await insertUser(tx, {
    id,
    email: input.email,
    displayName: input.displayName,
    unitId: input.unitId,
    language,
    passwordHash: await hashPassword(temporaryPassword),
    mustChangePassword: true,
    roles: [...new Set(input.roles)],
  });
  await auditUserChange(
    tx,
    ctx,
    { id, displayName: input.displayName },
    {
      operation: 'collection',
      action: 'user.create',
      details: { email: input.email, unitId: input.unitId, roles: input.roles },
    },
  );
  return { user: presentUser(actor, await reload(tx, id)), temporaryPassword };
}

export async function changeUser(
  tx: Queryable,
  ctx: RequestContext,
  id: string,
  changes: UserUpdate,
): Promise<User> {
  const actor = signedIn(ctx);
  const user = await manageableUser(tx, ctx, id);
  if (changes.unitId !== undefined && changes.unitId !== user.unitId) {
    // Moving someone needs the right to manage them where they go as well as where they are.
    const place = await unitPlaceOrFail(tx, changes.unitId);
    authorize(ctx, 'user.manage', { type: 'user', userId: id, ...place });
  }
  const losesAdministration =
    user.roles.includes('sysadmin') &&
    user.status === 'active' &&
    ((changes.roles !== undefined && !changes.roles.includes('sysadmin')) || changes.status === 'disabled');
  if (losesAdministration && (await countOtherActiveAdministrators(tx, id)) === 0) {
    throw new AppError('last_administrator');
  }
  const { roles, ...fields } = changes;
  await updateUser(tx, id, fields);
  if (roles !== undefined) await replaceRoles(tx, id, [...new Set(roles)]);
  if (changes.status === 'disabled') await deleteSessionsOfUser(tx, id);
  await auditUserChange(tx, ctx, user, {
    operation: 'alteration',
    action: 'user.update',
    details: { changes },
  });
  return presentUser(actor, await reload(tx, id));
}

export async function resetPassword(
  tx: Queryable,
  ctx: RequestContext,
  id: string,
): Promise<{ user: User; temporaryPassword: string }> {
  const actor = signedIn(ctx);
  const user = await manageableUser(tx, ctx, id);
  const temporaryPassword = generateReadablePassword();
  await setTemporaryPassword(tx, id, await hashPassword(temporaryPassword));
  await deleteSessionsOfUser(tx, id);
  await auditUserChange(tx, ctx, user, { operation: 'alteration', action: 'user.password.reset' });
  return { user: presentUser(actor, await reload(tx, id)), temporaryPassword };
}

export async function resetTwoFactor(tx: Queryable, ctx: RequestContext, id: string): Promise<User> {
  const actor = signedIn(ctx);
  const user = await manageableUser(tx, ctx, id);
  await resetTotp(tx, id);
  // The device may be lost or stolen: sessions opened with it end too.
  await deleteSessionsOfUser(tx, id);
  await auditUserChange(tx, ctx, user, { operation: 'alteration', action: 'user.totp.reset' });
  return presentUser(actor, await reload(tx, id));
}

export async function revokeSessions(tx: Queryable, ctx: RequestContext, id: string): Promise<void> {
  const user = await manageableUser(tx, ctx, id);
  const ended = await deleteSessionsOfUser(tx, id);
  await auditUserChange(tx, ctx, user, {
    operation: 'alteration',
    action: 'user.sessions.revoke',
    details: { ended },
  });
}
