import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '@veza/db';
import { buildGraph, neighbours as neighbourhood } from '@veza/graph';
import type { ChartEdge, ChartNode } from '@veza/graph';
import {
  CHART_TIMELINE_SCHEMAS,
  type CaseGraph,
  type CaseTimeline,
  type ChartEdgeData,
  type ChartNodeData,
  type HandlingCode,
  type SavedChart,
  type SavedChartCreate,
  type SavedChartState,
  type SavedChartSummary,
  type SavedChartUpdate,
} from '@veza/shared';
import { appendAudit, appendAudits, type AuditInput } from '../../platform/audit/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { allowedActions } from '../../platform/policy/index.ts';
import {
  authorizedCase,
  caseResource,
  justificationFor,
  signedIn,
  type LoadedCase,
  invalidCaseInput,
} from '../cases/index.ts';
import { buildCaseChart, PERSON } from './chart.build.ts';
import {
  callHeat,
  callPairsOfCase,
  callsPerDay,
  deleteSavedChart,
  findSavedChart,
  insertSavedChart,
  linksOfCase,
  listSavedCharts,
  savedChartNamed,
  updateSavedChart,
  type SavedChartRow,
} from './chart.repository.ts';
import { listEntities, mayIdentifyPersons, statementsOf, type EntityRow } from '../entities/index.ts';

interface LoadedChart {
  readonly loaded: LoadedCase;
  readonly rows: EntityRow[];
  readonly nodes: ChartNodeData[];
  readonly edges: ChartEdgeData[];
  readonly personsVisible: boolean;
}

async function loadChart(q: Queryable, ctx: RequestContext, caseId: string): Promise<LoadedChart> {
  const loaded = await authorizedCase(q, ctx, caseId, 'case.view');
  const rows = await listEntities(q, [caseId]);
  const personsVisible = mayIdentifyPersons(ctx, loaded, rows);
  const { nodes, edges } = buildCaseChart({
    entities: rows,
    statements: await statementsOf(
      q,
      rows.map((r) => r.id),
    ),
    links: await linksOfCase(q, caseId),
    calls: await callPairsOfCase(q, caseId),
    caseHandlingCode: loaded.row.handlingCode as HandlingCode,
    personsVisible,
  });
  return { loaded, rows, nodes, edges, personsVisible };
}

/**
 * Showing persons on a chart is consulting who they are (LED art. 25): a reason is needed, and each
 * person shown gets its own entry, so the audit trail of a person lists every chart they were seen on.
 */
async function auditChartView(
  q: Queryable,
  ctx: RequestContext,
  chart: LoadedChart,
  shown: readonly ChartNodeData[],
  edges: number,
  read: 'chart' | 'neighbours',
): Promise<void> {
  const caseId = chart.loaded.row.id;
  const persons = shown.filter((n) => n.schema === PERSON && !n.withheld);
  const justification = persons.length > 0 ? justificationFor(ctx, caseId) : undefined;
  // One batch: a chart of thousands of persons is one append, not thousands.
  await appendAudits(q, ctx, [
    {
      operation: 'consultation',
      action: 'case.view',
      recordType: 'case',
      recordId: caseId,
      ...(justification !== undefined && { justification }),
      outcome: 'allowed',
      details: { read, nodes: shown.length, edges, persons: persons.length },
    },
    ...persons.map((person): AuditInput => ({
      operation: 'consultation',
      action: 'person.identity.view',
      recordType: 'entity',
      recordId: person.id,
      subjectId: person.id,
      subjectLabel: person.caption,
      ...(justification !== undefined && { justification }),
      outcome: 'allowed',
      details: { caseId, read },
    })),
  ]);
}

/** The whole chart of a case. */
export async function caseGraph(q: Queryable, ctx: RequestContext, caseId: string): Promise<CaseGraph> {
  const chart = await loadChart(q, ctx, caseId);
  await auditChartView(q, ctx, chart, chart.nodes, chart.edges.length, 'chart');
  return {
    caseId,
    nodes: chart.nodes,
    edges: chart.edges,
    allowed: allowedActions(signedIn(ctx), caseResource(chart.loaded)),
  };
}

/**
 * The entities within `depth` links of one entity, as the analyst expands it on the chart. Links
 * are counted as packages/graph counts them: Person - Ownership - Company is one link.
 */
export async function entityNeighbours(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  entityId: string,
  depth: number,
): Promise<CaseGraph> {
  const chart = await loadChart(q, ctx, caseId);
  if (!chart.nodes.some((n) => n.id === entityId)) throw new AppError('not_found');
  const { graph } = buildGraph(chart.nodes.map(analysisNode), chart.edges.map(analysisEdge));
  const reached = neighbourhood(graph, entityId, depth);
  const nodeIds = new Set(reached.nodes.map((n) => n.id));
  const edgeIds = new Set(reached.edgeIds);
  const nodes = chart.nodes.filter((n) => nodeIds.has(n.id));
  const edges = chart.edges.filter((e) => edgeIds.has(e.id));
  await auditChartView(q, ctx, chart, nodes, edges.length, 'neighbours');
  return { caseId, nodes, edges, allowed: allowedActions(signedIn(ctx), caseResource(chart.loaded)) };
}

function analysisNode(node: ChartNodeData): ChartNode {
  return { id: node.id, type: node.schema, label: node.caption };
}

function analysisEdge(edge: ChartEdgeData): ChartEdge {
  return { id: edge.id, source: edge.source, target: edge.target, type: edge.label };
}

/** Events, calls and trips on a time axis, and when the call records say the phones were busy. */
export async function caseTimeline(q: Queryable, ctx: RequestContext, caseId: string): Promise<CaseTimeline> {
  const chart = await loadChart(q, ctx, caseId);
  const timed = new Set<string>(CHART_TIMELINE_SCHEMAS);
  const items = chart.nodes
    .filter((n) => timed.has(n.schema) && n.startDate !== null)
    .map((n) => ({
      id: n.id,
      schema: n.schema,
      caption: n.caption,
      start: n.startDate as string,
      end: n.endDate,
      evaluation: n.evaluation,
      handlingCode: n.handlingCode,
    }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const captions = new Map(chart.nodes.map((n) => [n.id, n.caption]));
  const pairs = await callPairsOfCase(q, caseId);
  const perDay = await callsPerDay(q, caseId);
  const total = perDay.reduce((sum, d) => sum + d.count, 0);
  const firsts = pairs.map((p) => p.first).sort();
  const lasts = pairs.map((p) => p.last).sort();
  await appendAudit(q, ctx, {
    operation: 'consultation',
    action: 'case.view',
    recordType: 'case',
    recordId: caseId,
    outcome: 'allowed',
    details: { read: 'timeline', items: items.length, calls: total },
  });
  return {
    caseId,
    items,
    calls: {
      total,
      first: firsts[0] ?? null,
      last: lasts.at(-1) ?? null,
      perDay,
      heat: await callHeat(q, caseId),
      pairs: pairs.map((p) => ({
        ...p,
        callerCaption: captions.get(p.callerId) ?? '',
        calleeCaption: captions.get(p.calleeId) ?? '',
      })),
    },
  };
}

function presentSummary(row: SavedChartRow, allowed: SavedChartSummary['allowed']): SavedChartSummary {
  return {
    id: row.id,
    caseId: row.caseId,
    name: row.name,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowed,
  };
}

function present(row: SavedChartRow, allowed: SavedChartSummary['allowed']): SavedChart {
  return { ...presentSummary(row, allowed), state: row.state as SavedChartState };
}

export async function listCharts(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
): Promise<SavedChartSummary[]> {
  const loaded = await authorizedCase(q, ctx, caseId, 'case.view');
  const allowed = allowedActions(signedIn(ctx), caseResource(loaded));
  return (await listSavedCharts(q, caseId)).map((row) => presentSummary(row, allowed));
}

export async function getChart(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  chartId: string,
): Promise<SavedChart> {
  const loaded = await authorizedCase(q, ctx, caseId, 'case.view');
  const row = await findSavedChart(q, caseId, chartId);
  if (!row) throw new AppError('not_found');
  return present(row, allowedActions(signedIn(ctx), caseResource(loaded)));
}

/** A saved chart names only entities of its own case. */
async function checkState(q: Queryable, caseId: string, state: SavedChartState): Promise<void> {
  const ids = new Set((await listEntities(q, [caseId])).map((r) => r.id));
  const problems = [
    ...(state.entityIds ?? []).flatMap((id, i) => (ids.has(id) ? [] : [`state.entityIds.${i}`])),
    ...(state.path ? (['from', 'to'] as const).filter((end) => !ids.has(state.path![end])) : []).map(
      (end) => `state.path.${end}`,
    ),
  ].map((path) => ({ path, code: 'not_found', message: 'Not an entity of this case' }));
  if (problems.length > 0) throw invalidCaseInput(problems);
}

async function checkName(q: Queryable, caseId: string, name: string, chartId?: string): Promise<void> {
  const same = await savedChartNamed(q, caseId, name);
  if (same && same.id !== chartId) {
    throw new AppError('name_taken', {
      fieldProblems: [{ path: 'name', code: 'name_taken', message: 'A chart of this case has that name' }],
    });
  }
}

export async function createChart(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  input: SavedChartCreate,
): Promise<SavedChart> {
  const actor = signedIn(ctx);
  const loaded = await authorizedCase(q, ctx, caseId, 'case.edit');
  await checkName(q, caseId, input.name);
  await checkState(q, caseId, input.state);
  const now = new Date();
  const row: SavedChartRow = {
    id: uuidv7(),
    caseId,
    name: input.name,
    state: input.state,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await insertSavedChart(q, row);
  await appendAudit(q, ctx, {
    operation: 'collection',
    action: 'case.edit',
    recordType: 'saved_chart',
    recordId: row.id,
    outcome: 'allowed',
    details: { caseId, name: row.name, entities: input.state.entityIds?.length ?? null },
  });
  return present(row, allowedActions(actor, caseResource(loaded)));
}

export async function updateChart(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  chartId: string,
  input: SavedChartUpdate,
): Promise<SavedChart> {
  const actor = signedIn(ctx);
  const loaded = await authorizedCase(q, ctx, caseId, 'case.edit');
  const row = await findSavedChart(q, caseId, chartId);
  if (!row) throw new AppError('not_found');
  if (input.name !== undefined) await checkName(q, caseId, input.name, chartId);
  if (input.state !== undefined) await checkState(q, caseId, input.state);
  const changes = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.state !== undefined && { state: input.state }),
    updatedAt: new Date(),
  };
  await updateSavedChart(q, chartId, changes);
  await appendAudit(q, ctx, {
    operation: 'alteration',
    action: 'case.edit',
    recordType: 'saved_chart',
    recordId: chartId,
    outcome: 'allowed',
    details: { caseId, changed: Object.keys(input).sort() },
  });
  return present({ ...row, ...changes }, allowedActions(actor, caseResource(loaded)));
}

export async function removeChart(
  q: Queryable,
  ctx: RequestContext,
  caseId: string,
  chartId: string,
  reason: string,
): Promise<void> {
  await authorizedCase(q, ctx, caseId, 'case.edit');
  const row = await findSavedChart(q, caseId, chartId);
  if (!row) throw new AppError('not_found');
  await deleteSavedChart(q, chartId);
  await appendAudit(q, ctx, {
    operation: 'erasure',
    action: 'case.edit',
    recordType: 'saved_chart',
    recordId: chartId,
    justification: reason,
    outcome: 'allowed',
    details: { caseId, name: row.name },
  });
}
