import type { Database } from '@veza/db';
import { DEMO_ACCOUNTS, generateScenario } from '@veza/demo';
import { seedDemoCases } from '../modules/cases/index.ts';
import { seedDemoChart } from '../modules/chart/index.ts';
import { rebuildEdges } from '../modules/entities/index.ts';
import { seedDemoProviders } from '../modules/referral/index.ts';
import { seedDemoRequests } from '../modules/requests/index.ts';
import { seedDemoDirectory } from '../modules/directory/index.ts';
import { seedDemoMessages } from '../modules/messages/index.ts';
import { appendAudit } from '../platform/audit/index.ts';
import { generateReadablePassword, hashPassword } from '../platform/auth/passwords.ts';
import { systemContext } from '../platform/context.ts';
import { seedDemoVictims } from './seed-victims.ts';
import {
  countUsers,
  insertAccounts,
  insertAgencies,
  insertUnits,
  upsertJurisdictions,
} from './setup.repository.ts';

export interface SeedDemoOptions {
  /** Password of every demo account; a readable random one is generated when absent. */
  password?: string | undefined;
  scale?: number | undefined;
  seed?: number | undefined;
  /** The server key that seals victims' identities; without it no victim-identification data is loaded. */
  secretKey?: Buffer | undefined;
}

export interface SeedDemoResult {
  agencies: number;
  units: number;
  users: number;
  password: string;
  /** True when the password was generated here and must be shown to the operator. */
  generatedPassword: boolean;
  accounts: typeof DEMO_ACCOUNTS;
}

/**
 * Loads the synthetic scenario in one transaction. Every demo account gets the same password, hashed
 * once: argon2 is slow on purpose and thousands of identical hashes would take minutes. Demo
 * administrators have no two-factor yet and set it up at their first sign-in.
 */
export async function seedDemo(database: Database, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const generatedPassword = options.password === undefined;
  const password = options.password ?? generateReadablePassword();
  const scenario = generateScenario({
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.scale !== undefined ? { scale: options.scale } : {}),
  });
  const passwordHash = await hashPassword(password);
  await database.db.transaction(async (tx) => {
    await upsertJurisdictions(tx);
    if ((await countUsers(tx)) > 0)
      throw new Error('the database already has users: demo data is loaded only into an empty one');
    await insertAgencies(tx, scenario.agencies);
    await insertUnits(tx, scenario.units);
    await insertAccounts(
      tx,
      scenario.users.map((u) => ({
        id: u.id,
        email: u.email,
        displayName: u.displayName,
        unitId: u.unitId,
        language: u.language,
        passwordHash,
        mustChangePassword: false,
        isDemo: true,
        roles: u.roles,
      })),
    );
    const demoCases = await seedDemoCases(tx, scenario);
    await seedDemoChart(tx);
    await rebuildEdges(tx);
    await seedDemoProviders(tx, scenario);
    await seedDemoDirectory(tx, scenario);
    const victims = options.secretKey ? await seedDemoVictims(tx, scenario, options.secretKey) : null;
    const requests = await seedDemoRequests(tx, scenario);
    const messages = await seedDemoMessages(tx, scenario);
    await appendAudit(tx, systemContext(), {
      operation: 'collection',
      action: 'setup.demo_seed',
      outcome: 'allowed',
      details: {
        agencies: scenario.agencies.length,
        units: scenario.units.length,
        users: scenario.users.length,
        cases: demoCases.cases,
        requests,
        messages,
        ...(victims && {
          persons: victims.persons,
          screenings: victims.screenings,
          referrals: victims.referrals,
        }),
      },
    });
  });
  return {
    agencies: scenario.agencies.length,
    units: scenario.units.length,
    users: scenario.users.length,
    password,
    generatedPassword,
    accounts: DEMO_ACCOUNTS,
  };
}
