import { v7 as uuidv7 } from 'uuid';
import type { Database } from '@veza/db';
import { EmailSchema, Line } from '@veza/shared';
import { appendAudit } from '../platform/audit/index.ts';
import { generateReadablePassword, hashPassword, isAcceptablePassword } from '../platform/auth/passwords.ts';
import { systemContext } from '../platform/context.ts';
import {
  countUsers,
  insertAccounts,
  insertAgencies,
  insertUnits,
  upsertJurisdictions,
} from './setup.repository.ts';

export interface FirstAdministratorInput {
  email: string;
  displayName: string;
  /** When absent, a one-time password is generated and must be changed at first sign-in. */
  password?: string | undefined;
}

export interface FirstAdministrator {
  userId: string;
  email: string;
  /** The generated one-time password, or null when the caller chose the password. */
  temporaryPassword: string | null;
}

/**
 * `veza init`: the platform operator's agency, its administration unit and one regional
 * administrator. Refused once anybody exists, so it cannot be used to slip in a second administrator.
 */
export async function createFirstAdministrator(
  database: Database,
  input: FirstAdministratorInput,
): Promise<FirstAdministrator> {
  const email = EmailSchema.parse(input.email);
  const displayName = Line(200).parse(input.displayName);
  if (
    input.password !== undefined &&
    (input.password.length < 12 || !isAcceptablePassword(input.password, { email, displayName }))
  ) {
    throw new Error(
      'the password must have at least 12 characters and differ from the e-mail address and the name',
    );
  }
  const temporaryPassword = input.password === undefined ? generateReadablePassword() : null;
  const passwordHash = await hashPassword(input.password ?? temporaryPassword ?? '');
  const agencyId = uuidv7();
  const unitId = uuidv7();
  const userId = uuidv7();
  await database.db.transaction(async (tx) => {
    await upsertJurisdictions(tx);
    if ((await countUsers(tx)) > 0)
      throw new Error('this installation already has users: `veza init` runs only once');
    await insertAgencies(tx, [
      { id: agencyId, name: 'Platform operator', kind: 'platform_operator', jurisdiction: null },
    ]);
    await insertUnits(tx, [{ id: unitId, agencyId, name: 'Administration', kind: 'administration' }]);
    await insertAccounts(tx, [
      {
        id: userId,
        email,
        displayName,
        unitId,
        language: 'en',
        passwordHash,
        mustChangePassword: temporaryPassword !== null,
        isDemo: false,
        roles: ['sysadmin'],
      },
    ]);
    await appendAudit(tx, systemContext(), {
      operation: 'collection',
      action: 'setup.first_administrator',
      recordType: 'user',
      recordId: userId,
      subjectId: userId,
      subjectLabel: displayName,
      outcome: 'allowed',
    });
  });
  return { userId, email, temporaryPassword };
}
