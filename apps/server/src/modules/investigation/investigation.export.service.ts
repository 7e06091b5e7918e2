import type { Queryable } from '@veza/db';
import { RELATIONSHIP_TYPES, toGraphML } from '@veza/graph';
import type { ChartEdge, ChartNode } from '@veza/graph';
import type { HandlingCode } from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decide } from '../../platform/policy/index.ts';
import { authorizedCase, caseResource, signedIn } from './investigation.access.ts';
import { listEntities, statementsOf, type EntityRow } from './investigation.entities.repository.ts';
import { disclosureRefused } from './investigation.errors.ts';

/**
 * The case's chart as GraphML, for Gephi, yEd or i2: node ids are entity ids, a relationship
 * entity whose two ends are on the chart is an edge with its own id (the same ids every export),
 * and every node carries its FtM type and caption. Passing a case on is a disclosure: H2 and H3
 * cases are refused (the provider's permission is recorded per disclosure, later), and every
 * export is logged with its recipient.
 */
export async function exportCaseGraphML(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  recipient: string,
): Promise<string> {
  const actor = signedIn(ctx);
  const loaded = await authorizedCase(q, ctx, caseId, 'case.view');
  const decision = decide(actor, 'case.disclose', caseResource(loaded));
  if (!decision.allowed) {
    const refusal = disclosureRefused(loaded.row.reference, loaded.row.handlingCode);
    throw new AppError('forbidden', {
      message: refusal.message,
      audit: {
        operation: 'denial',
        action: 'case.disclose',
        recordType: 'case',
        recordId: caseId,
        details: { reason: decision.reason, format: 'graphml' },
      },
    });
  }
  const rows = await listEntities(q, [caseId]);
  const properties = new Map<string, Record<string, string[]>>();
  for (const s of await statementsOf(
    q,
    rows.map((r) => r.id),
  )) {
    const p = properties.get(s.entityId) ?? {};
    (p[s.property] ??= []).push(s.value);
    properties.set(s.entityId, p);
  }
  const { nodes, edges } = chartOf(rows, properties, loaded.row.handlingCode as HandlingCode);
  await appendAudit(q, ctx, {
    operation: 'disclosure',
    action: 'case.disclose',
    recordType: 'case',
    recordId: caseId,
    recipients: [recipient],
    outcome: 'allowed',
    details: { format: 'graphml', nodes: nodes.length, edges: edges.length },
  });
  return toGraphML(nodes, edges, { title: `${loaded.row.reference} ${loaded.row.title}` });
}

function chartOf(
  rows: readonly EntityRow[],
  properties: Map<string, Record<string, string[]>>,
  handlingCode: HandlingCode,
): { nodes: ChartNode[]; edges: ChartEdge[] } {
  const ids = new Set(rows.filter((r) => !RELATIONSHIP_TYPES[r.schema]).map((r) => r.id));
  const nodes: ChartNode[] = [];
  const edges: ChartEdge[] = [];
  for (const row of rows) {
    const props = properties.get(row.id) ?? {};
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
  return { nodes, edges };
}
