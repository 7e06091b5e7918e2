import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '@veza/db';
import { DEMO_CASES } from '@veza/demo';
import type { DemoCase, DemoScenario } from '@veza/demo';
import { actorOf, findAccountById } from '../../platform/auth/account.repository.ts';
import { systemContext } from '../../platform/context.ts';
import { insertCase, nextReference, upsertMember } from './cases.repository.ts';
import {
  insertEntities,
  insertStatements,
  PERSON_SCHEMA,
  statementRow,
  syncEdges,
} from '../entities/index.ts';
import { refreshCaseKeys, linkPersons } from '../linkage/index.ts';
import { insertDemoCalls } from '../exchange/index.ts';

function ownerOf(scenario: DemoScenario, demoCase: DemoCase): { userId: string; unitId: string } {
  const owner = demoCase.owner;
  const user =
    'email' in owner
      ? scenario.users.find((u) => u.email === owner.email)
      : scenario.users.find((u) => {
          const unit = scenario.units.find((x) => x.id === u.unitId);
          const agency = scenario.agencies.find((a) => a.id === unit?.agencyId);
          return (
            unit?.kind === owner.unitKind &&
            agency?.jurisdiction === owner.jurisdiction &&
            u.roles.includes('officer')
          );
        });
  if (!user) throw new Error(`No owner for the demo case "${demoCase.title}"`);
  return { userId: user.id, unitId: user.unitId };
}

/**
 * Loads the demo cases into the scenario's organisation (already inserted in `q`) with their
 * graph edges and call records, then runs linkage for the persons of each case as its owner would,
 * so the demo opens with suggestions and hits to look at. Phones and cars are left for the analysts
 * to find: the Serbian drugs and trafficking cases share one of each, which the drugs-trafficking
 * view of linkage shows their two units.
 */
export async function seedDemoCases(
  q: Queryable,
  scenario: DemoScenario,
): Promise<{ cases: number; entities: number; suggestions: number }> {
  let entityCount = 0;
  const toLink: { caseId: string; ownerId: string; persons: string[] }[] = [];
  const now = new Date();
  for (const demoCase of DEMO_CASES) {
    const owner = ownerOf(scenario, demoCase);
    const ownerAccount = await findAccountById(q, owner.userId);
    const jurisdiction = ownerAccount?.jurisdiction;
    if (!jurisdiction) throw new Error(`The owner of "${demoCase.title}" has no jurisdiction`);
    const caseId = uuidv7();
    await insertCase(q, {
      id: caseId,
      reference: await nextReference(q, jurisdiction, now.getUTCFullYear()),
      title: demoCase.title,
      type: demoCase.type,
      jurisdictionCode: jurisdiction,
      owningUnitId: owner.unitId,
      handlingCode: demoCase.handlingCode,
      legalBasis: demoCase.legalBasis,
      createdBy: owner.userId,
    });
    await upsertMember(q, { caseId, userId: owner.userId, role: 'owner', addedBy: null });
    for (const email of demoCase.memberEmails) {
      const member = scenario.users.find((u) => u.email === email);
      if (member) await upsertMember(q, { caseId, userId: member.id, role: 'member', addedBy: owner.userId });
    }
    const ids = new Map(demoCase.entities.map((e) => [e.key, uuidv7()]));
    const idOf = (key: string) => ids.get(key) ?? '';
    await insertEntities(
      q,
      demoCase.entities.map((e) => ({
        id: idOf(e.key),
        caseId,
        schema: e.schema,
        caption: e.caption,
        createdBy: owner.userId,
      })),
    );
    await insertStatements(
      q,
      demoCase.entities.flatMap((e) =>
        e.statements.map((s) =>
          statementRow(
            idOf(e.key),
            {
              property: s.property,
              value: s.value.startsWith('@') ? idOf(s.value.slice(1)) : s.value,
              source: demoCase.source,
              evaluationSource: (s.evaluation?.[0] ?? 'B') as 'A' | 'B' | 'C' | 'X',
              evaluationInfo: Number(s.evaluation?.[1] ?? 2) as 1 | 2 | 3 | 4,
              handlingCode: demoCase.handlingCode,
              kind: s.kind ?? 'fact',
            },
            owner.userId,
            now,
          ),
        ),
      ),
    );
    await syncEdges(q, caseId, [...ids.values()]);
    await refreshCaseKeys(q, caseId);
    if (demoCase.callRecords) await insertDemoCalls(q, caseId, owner.userId, demoCase.callRecords, idOf, now);
    entityCount += demoCase.entities.length;
    toLink.push({
      caseId,
      ownerId: owner.userId,
      persons: demoCase.entities.filter((e) => e.schema === PERSON_SCHEMA).map((e) => idOf(e.key)),
    });
  }
  let suggestions = 0;
  for (const { caseId, ownerId, persons } of toLink) {
    const account = await findAccountById(q, ownerId);
    if (!account) continue;
    suggestions += (await linkPersons(q, systemContext(actorOf(account)), caseId, persons)).suggestions;
  }
  return { cases: DEMO_CASES.length, entities: entityCount, suggestions };
}
