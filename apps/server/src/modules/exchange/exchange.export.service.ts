import type { Queryable } from '@veza/db';
import { RELATIONSHIP_TYPES, strictestHandlingCode, toGraphML } from '@veza/graph';
import type { ChartEdge, ChartNode } from '@veza/graph';
import type { ExportFile, ExportRequest, HandlingCode } from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decide } from '../../platform/policy/index.ts';
import {
  authorizedCase,
  caseResource,
  signedIn,
  type LoadedCase,
  disclosureRefused,
} from '../cases/index.ts';
import { listEntities, statementsOf, type EntityRow, type StatementRow } from '../entities/index.ts';
import { callPairsOf, callRecordsOf } from './exchange.repository.ts';
import { renderCaseSummary, type CaseSummaryData } from './exchange.pdf.ts';

/** Statements under these codes are never passed on: the provider's permission is not recorded. */
const WITHHELD: ReadonlySet<string> = new Set(['H2', 'H3']);
export const NOT_FOR_COURT = "H1: not to be used in court without the provider's permission";

/** What of a case may leave it: entities with the statements that may be passed on. */
export interface Disclosable {
  loaded: LoadedCase;
  entities: EntityRow[];
  statements: Map<string, StatementRow[]>;
  withheldStatements: number;
  withheldEntities: number;
  notForCourt: boolean;
}

/**
 * Loads what a disclosure of the case may contain. A case under H2 or H3 is refused whole; in an H0
 * or H1 case, statements recorded under H2 or H3 are left out, an entity all of whose statements are
 * left out goes too (its caption comes from them), and so do relationships and calls that touch it.
 * H1 content is marked "not for court".
 */
export async function disclosableCase(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  format: string,
): Promise<Disclosable> {
  const actor = signedIn(ctx);
  const loaded = await authorizedCase(q, ctx, caseId, 'case.view');
  const decision = decide(actor, 'case.disclose', caseResource(loaded));
  if (!decision.allowed) {
    throw new AppError('disclosure_refused', {
      message: disclosureRefused(loaded.row.reference, loaded.row.handlingCode).message,
      audit: {
        operation: 'denial',
        action: 'case.disclose',
        recordType: 'case',
        recordId: caseId,
        details: { reason: decision.reason, format },
      },
    });
  }
  const rows = await listEntities(q, [caseId]);
  const all = await statementsOf(
    q,
    rows.map((r) => r.id),
  );
  const statements = new Map<string, StatementRow[]>();
  const hadAny = new Set<string>();
  let withheldStatements = 0;
  for (const s of all) {
    hadAny.add(s.entityId);
    if (WITHHELD.has(s.handlingCode)) {
      withheldStatements += 1;
      continue;
    }
    const list = statements.get(s.entityId) ?? [];
    list.push(s);
    statements.set(s.entityId, list);
  }
  const allIds = new Set(rows.map((r) => r.id));
  const kept = new Set(rows.filter((r) => !hadAny.has(r.id) || statements.has(r.id)).map((r) => r.id));
  // A relationship goes with its ends: one that names a withheld entity is withheld too.
  for (const r of rows) {
    const ends = RELATIONSHIP_TYPES[r.schema];
    if (!ends || !kept.has(r.id)) continue;
    const named = (statements.get(r.id) ?? []).filter(
      (s) => s.property === ends.source || s.property === ends.target,
    );
    if (named.some((s) => !kept.has(s.value) && allIds.has(s.value))) kept.delete(r.id);
  }
  const entities = rows.filter((r) => kept.has(r.id));
  const notForCourt =
    loaded.row.handlingCode === 'H1' ||
    entities.some((e) => statements.get(e.id)?.some((s) => s.handlingCode === 'H1'));
  return {
    loaded,
    entities,
    statements,
    withheldStatements,
    withheldEntities: rows.length - entities.length,
    notForCourt,
  };
}

/**
 * Exports the case in the requested format, audited as a disclosure to the stated recipient. The one
 * way a case leaves Veza: the web app's export and `veza export ftm|csv|graphml` both come here, so a
 * file holds the same nodes, edges and lines, and leaves out the same statements, whichever asked.
 */
export async function exportCase(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  request: ExportRequest,
): Promise<ExportFile> {
  const data = await disclosableCase(q, ctx, caseId, request.format);
  const base = `${data.loaded.row.reference}${data.notForCourt ? '-H1-not-for-court' : ''}`;
  let file: Pick<ExportFile, 'fileName' | 'mediaType' | 'content' | 'encoding'>;
  let counts: Record<string, number>;
  if (request.format === 'ftm') {
    const lines = await ftmLinesOf(q, data);
    file = {
      fileName: `${base}.ftm.jsonl`,
      mediaType: 'application/x-ndjson',
      encoding: 'utf8',
      content: lines.join('\n') + '\n',
    };
    counts = { lines: lines.length };
  } else if (request.format === 'graphml') {
    const { nodes, edges } = await chartOf(q, data);
    const title = `${data.loaded.row.reference} ${data.loaded.row.title}${data.notForCourt ? ` (${NOT_FOR_COURT})` : ''}`;
    file = {
      fileName: `${base}.graphml`,
      mediaType: 'application/graphml+xml',
      encoding: 'utf8',
      content: toGraphML(nodes, edges, { title }),
    };
    counts = { nodes: nodes.length, edges: edges.length };
  } else if (request.format === 'pdf') {
    const summary = await summaryOf(q, ctx, data, request);
    file = {
      fileName: `${base}-summary.pdf`,
      mediaType: 'application/pdf',
      encoding: 'base64',
      content: (await renderCaseSummary(signedIn(ctx).language, summary)).toString('base64'),
    };
    counts = { entities: data.entities.length, calls: summary.calls.count };
  } else {
    const rows = request.table === 'calls' ? await callTable(q, data) : statementTable(data);
    file = {
      fileName: `${base}-${request.table}.csv`,
      mediaType: 'text/csv',
      encoding: 'utf8',
      content: rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n',
    };
    counts = { rows: rows.length - 1 };
  }
  await appendAudit(q, ctx, {
    operation: 'disclosure',
    action: 'case.disclose',
    recordType: 'case',
    recordId: caseId,
    recipients: [request.recipient],
    justification: request.purpose,
    outcome: 'allowed',
    details: {
      format: request.format,
      ...(request.format === 'csv' && { table: request.table }),
      ...counts,
      withheldStatements: data.withheldStatements,
      withheldEntities: data.withheldEntities,
      notForCourt: data.notForCourt,
    },
  });
  return {
    ...file,
    withheldStatements: data.withheldStatements,
    withheldEntities: data.withheldEntities,
    notForCourt: data.notForCourt,
  };
}

function handlingOf(data: Disclosable, entityId: string): HandlingCode {
  const codes = (data.statements.get(entityId) ?? []).map((s) => s.handlingCode as HandlingCode);
  return strictestHandlingCode([data.loaded.row.handlingCode as HandlingCode, ...codes]) ?? 'H0';
}

function propertiesOf(data: Disclosable, entityId: string): Record<string, string[]> {
  const properties: Record<string, string[]> = {};
  for (const s of data.statements.get(entityId) ?? []) (properties[s.property] ??= []).push(s.value);
  return properties;
}

/**
 * FollowTheMoney JSON lines: one entity per line as FtM reads it, with Veza's handling code beside
 * (FtM ignores keys it does not know), and one `Call` per call-detail record between kept phones.
 */
async function ftmLinesOf(q: Queryable, data: Disclosable): Promise<string[]> {
  const lines = data.entities.map((e) => {
    const handlingCode = handlingOf(data, e.id);
    return JSON.stringify({
      id: e.id,
      schema: e.schema,
      properties: propertiesOf(data, e.id),
      handlingCode,
      ...(handlingCode === 'H1' && { caveat: NOT_FOR_COURT }),
    });
  });
  const numbers = new Map(data.entities.filter((e) => e.schema === 'Phone').map((e) => [e.id, e.caption]));
  for (const call of await callRecordsOf(q, data.loaded.row.id)) {
    const caller = numbers.get(call.callerEntityId);
    const callee = numbers.get(call.calleeEntityId);
    if (!caller || !callee) continue;
    lines.push(
      JSON.stringify({
        id: call.id,
        schema: 'Call',
        properties: {
          callerNumber: [caller],
          receiverNumber: [callee],
          startDate: [call.startedAt.toISOString()],
          duration: [String(call.durationSeconds)],
          ...(call.cell && { description: [`cell ${call.cell}`] }),
        },
        handlingCode: data.loaded.row.handlingCode,
      }),
    );
  }
  return lines;
}

/**
 * The case's chart for GraphML (Gephi, yEd, i2, networkx): entities as nodes (id = entity id, FtM
 * type and caption), a relationship whose two ends are kept as an edge with the relationship's id,
 * and one `Call` edge per caller and callee weighted by the number of calls, with the chart's id
 * `calls:<caller>:<callee>`. The ids stay the same from one export to the next.
 */
async function chartOf(q: Queryable, data: Disclosable): Promise<{ nodes: ChartNode[]; edges: ChartEdge[] }> {
  const ids = new Set(data.entities.filter((r) => !RELATIONSHIP_TYPES[r.schema]).map((r) => r.id));
  const nodes: ChartNode[] = [];
  const edges: ChartEdge[] = [];
  for (const row of data.entities) {
    const props = propertiesOf(data, row.id);
    const handlingCode = handlingOf(data, row.id);
    const ends = RELATIONSHIP_TYPES[row.schema];
    const source = ends ? props[ends.source] : undefined;
    const target = ends ? props[ends.target] : undefined;
    // One end each, both on the chart: an edge. Anything else stays a node, so nothing disappears.
    if (ends && source?.length === 1 && target?.length === 1 && ids.has(source[0]!) && ids.has(target[0]!)) {
      edges.push({
        id: row.id,
        source: source[0]!,
        target: target[0]!,
        type: row.schema,
        label: row.caption,
        handlingCode,
      });
    } else {
      nodes.push({ id: row.id, type: row.schema, label: row.caption, properties: props, handlingCode });
    }
  }
  for (const pair of await callPairsOf(q, data.loaded.row.id)) {
    if (!ids.has(pair.callerEntityId) || !ids.has(pair.calleeEntityId)) continue;
    edges.push({
      id: `calls:${pair.callerEntityId}:${pair.calleeEntityId}`,
      source: pair.callerEntityId,
      target: pair.calleeEntityId,
      type: 'Call',
      label: String(pair.calls),
      date: pair.first.toISOString(),
      weight: pair.calls,
      handlingCode: data.loaded.row.handlingCode as HandlingCode,
    });
  }
  return { nodes, edges };
}

const STATEMENT_COLUMNS = [
  'entity_id',
  'schema',
  'caption',
  'property',
  'value',
  'source',
  'evaluation',
  'handling_code',
  'kind',
  'recorded_at',
];

/** One row per statement: everything said, with where it came from and how far to trust it. */
function statementTable(data: Disclosable): string[][] {
  const rows = [STATEMENT_COLUMNS];
  for (const e of data.entities) {
    for (const s of data.statements.get(e.id) ?? []) {
      rows.push([
        e.id,
        e.schema,
        e.caption,
        s.property,
        s.value,
        s.source,
        `${s.evaluationSource}${s.evaluationInfo}`,
        s.handlingCode,
        s.kind,
        s.recordedAt.toISOString(),
      ]);
    }
  }
  return rows;
}

/** Call-detail records with the same columns an import maps, so the file can be imported again. */
async function callTable(q: Queryable, data: Disclosable): Promise<string[][]> {
  const numbers = new Map(data.entities.filter((e) => e.schema === 'Phone').map((e) => [e.id, e.caption]));
  const rows = [['caller', 'callee', 'start', 'duration', 'cell']];
  for (const call of await callRecordsOf(q, data.loaded.row.id)) {
    const caller = numbers.get(call.callerEntityId);
    const callee = numbers.get(call.calleeEntityId);
    if (caller && callee)
      rows.push([
        caller,
        callee,
        call.startedAt.toISOString(),
        String(call.durationSeconds),
        call.cell ?? '',
      ]);
  }
  return rows;
}

/** RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet does not run it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^[+-]?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** What the case summary shows: counts and numbers, never the names of persons. */
async function summaryOf(
  q: Queryable,
  ctx: RequestContext,
  data: Disclosable,
  request: ExportRequest,
): Promise<CaseSummaryData> {
  const row = data.loaded.row;
  const bySchema = new Map<string, number>();
  for (const e of data.entities) bySchema.set(e.schema, (bySchema.get(e.schema) ?? 0) + 1);
  const numbers = new Map(data.entities.filter((e) => e.schema === 'Phone').map((e) => [e.id, e.caption]));
  const pairs = (await callPairsOf(q, row.id)).filter(
    (p) => numbers.has(p.callerEntityId) && numbers.has(p.calleeEntityId),
  );
  const ends = new Set(pairs.flatMap((p) => [p.callerEntityId, p.calleeEntityId]));
  return {
    reference: row.reference,
    title: row.title,
    type: row.type,
    jurisdiction: row.jurisdictionCode,
    handlingCode: row.handlingCode,
    status: row.status,
    legalBasis: row.legalBasis,
    team: data.loaded.members.map((m) => m.displayName),
    entitiesBySchema: [...bySchema].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    calls: {
      count: pairs.reduce((sum, p) => sum + p.calls, 0),
      first: pairs.length ? new Date(Math.min(...pairs.map((p) => p.first.getTime()))) : null,
      last: pairs.length ? new Date(Math.max(...pairs.map((p) => p.last.getTime()))) : null,
      numbers: ends.size,
    },
    busiest: [...pairs]
      .sort((a, b) => b.calls - a.calls)
      .slice(0, 10)
      .map((p) => ({
        caller: numbers.get(p.callerEntityId)!,
        callee: numbers.get(p.calleeEntityId)!,
        calls: p.calls,
      })),
    recipient: request.recipient,
    purpose: request.purpose,
    printedBy: signedIn(ctx).displayName,
    printedAt: new Date(),
    withheldStatements: data.withheldStatements,
    withheldEntities: data.withheldEntities,
    notForCourt: data.notForCourt,
  };
}
