import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '@veza/db';
import { parseFtmLine } from '@veza/matching';
import { RELATIONSHIP_TYPES } from '@veza/graph';
import type { StatementInput } from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { listScope } from '../../platform/policy/index.ts';
import { authorizedCase, signedIn, listCasesInScope, type LoadedCase, createCase } from '../cases/index.ts';
import {
  insertEntities,
  insertStatements,
  listEntities,
  statementRow,
  syncEdges,
} from '../entities/index.ts';
import { mapFtmEntity, type MappedEntity } from './exchange.ftm.ts';
import { linkEntities } from '../linkage/index.ts';

export interface Rejection {
  line: number;
  message: string;
}

export interface FtmImportResult {
  caseId: string;
  reference: string;
  imported: number;
  rejected: number;
  suggestions: number;
  rejections: Rejection[];
}

/** The one case of that title the actor may see; null when there is none. */
export async function findCaseByTitle(
  q: Queryable,
  ctx: RequestContext,
  title: string,
): Promise<string | null> {
  const actor = signedIn(ctx);
  const found = await listCasesInScope(q, listScope(actor, 'case.view', 'case'), actor.userId, { title });
  if (found.length > 1)
    throw new AppError('case_title_ambiguous', {
      message: `${found.length} cases you may see are titled "${title}"`,
    });
  return found[0]?.row.id ?? null;
}

interface Accepted extends MappedEntity {
  id: string;
  line: number;
}

/**
 * Imports FollowTheMoney JSON lines into a case (opened in the actor's unit when the actor sees no
 * case of that title), in the caller's one transaction. Lines that cannot be taken are rejected with
 * their number and the rest imported; relationship ends name entities of the file or of the case.
 * Statements from a file carry its name as source, X4 as evaluation (nobody has assessed them yet)
 * and the case's handling code. Linkage then runs for the imported Persons, as the actor.
 */
export async function importFtm(
  q: Queryable,
  ctx: RequestContext,
  input: { caseTitle: string; source: string; lines: readonly string[] },
): Promise<FtmImportResult> {
  const actor = signedIn(ctx);
  const existing = await findCaseByTitle(q, ctx, input.caseTitle);
  const caseId =
    existing ?? (await createCase(q, ctx, { title: input.caseTitle, type: 'other', handlingCode: 'H0' })).id;
  const loaded = await authorizedCase(q, ctx, caseId, 'case.edit');
  const { accepted, rejections } = await acceptLines(q, caseId, input.lines);
  const now = new Date();
  await insertEntities(
    q,
    accepted.map((e) => ({
      id: e.id,
      caseId,
      schema: e.schema,
      caption: e.caption,
      sourceId: e.sourceId,
      createdBy: actor.userId,
      createdAt: now,
    })),
  );
  const known = await idsBySource(q, caseId);
  await insertStatements(
    q,
    accepted.flatMap((e) =>
      e.values.map(({ property, value }) =>
        statementRow(
          e.id,
          statementOf(loaded, input.source, property, endValue(e, property, value, known)),
          actor.userId,
          now,
        ),
      ),
    ),
  );
  await syncEdges(
    q,
    caseId,
    accepted.map((e) => e.id),
  );
  await appendAudit(q, ctx, {
    operation: 'collection',
    action: 'case.edit',
    recordType: 'case',
    recordId: caseId,
    outcome: 'allowed',
    details: { import: 'ftm', source: input.source, imported: accepted.length, rejected: rejections.length },
  });
  const linkage = await linkEntities(
    q,
    ctx,
    caseId,
    accepted.map((e) => e.id),
  );
  return {
    caseId,
    reference: loaded.row.reference,
    imported: accepted.length,
    rejected: rejections.length,
    suggestions: linkage.suggestions,
    rejections,
  };
}

async function idsBySource(q: Queryable, caseId: string): Promise<Map<string, string>> {
  const rows = await listEntities(q, [caseId]);
  return new Map(rows.flatMap((r) => (r.sourceId === null ? [] : [[r.sourceId, r.id] as const])));
}

function isEnd(schema: string, property: string): boolean {
  const ends = RELATIONSHIP_TYPES[schema];
  return ends !== undefined && (ends.source === property || ends.target === property);
}

/** A relationship end holds the id of the entity in the case, not the id it had in the file. */
function endValue(entity: MappedEntity, property: string, value: string, known: Map<string, string>): string {
  return isEnd(entity.schema, property) ? (known.get(value) ?? value) : value;
}

function statementOf(loaded: LoadedCase, source: string, property: string, value: string): StatementInput {
  return {
    property,
    value,
    source: `FtM import: ${source}`.slice(0, 500),
    evaluationSource: 'X',
    evaluationInfo: 4,
    handlingCode: loaded.row.handlingCode as StatementInput['handlingCode'],
    kind: 'fact',
  };
}

async function acceptLines(
  q: Queryable,
  caseId: string,
  lines: readonly string[],
): Promise<{ accepted: Accepted[]; rejections: Rejection[] }> {
  const rejections: Rejection[] = [];
  const parsed: Accepted[] = [];
  const seen = new Set((await idsBySource(q, caseId)).keys());
  const inCase = new Set(seen);
  lines.forEach((text, index) => {
    const line = index + 1;
    const result = parseFtmLine(text, line);
    if (result === null) return;
    if (!result.ok) {
      rejections.push({ line, message: result.message.replace(/^line \d+: /, '') });
      return;
    }
    const mapped = mapFtmEntity(result.entity);
    if (typeof mapped === 'string') rejections.push({ line, message: mapped });
    else if (seen.has(mapped.sourceId))
      rejections.push({ line, message: `the id "${mapped.sourceId}" is already in the case` });
    else {
      seen.add(mapped.sourceId);
      parsed.push({ ...mapped, id: uuidv7(), line });
    }
  });
  const inFile = new Set(parsed.map((e) => e.sourceId));
  const accepted = parsed.filter((e) => {
    const dangling = e.values.find(
      (v) => isEnd(e.schema, v.property) && !inFile.has(v.value) && !inCase.has(v.value),
    );
    if (dangling)
      rejections.push({
        line: e.line,
        message: `${dangling.property} names "${dangling.value}", which is not in the file or the case`,
      });
    return !dangling;
  });
  rejections.sort((a, b) => a.line - b.line);
  return { accepted, rejections };
}
