import { describe, expect, it } from 'vitest';
import { seededRandom, shortestPath } from '@veza/graph';
import type { CaseGraph, ChartEdgeData, ChartNodeData } from '@veza/shared';
import {
  INITIAL_VIEW,
  NO_FILTER,
  fromSavedState,
  fullGraph,
  groupedPositions,
  mergeGraphs,
  placeNodes,
  relationshipEnds,
  toSavedState,
  visibleGraph,
} from './chart.model.ts';

const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function node(n: number, schema: string, caption: string, extra: Partial<ChartNodeData> = {}): ChartNodeData {
  return {
    id: id(n),
    schema,
    caption,
    withheld: false,
    relationship: ['UsesPhone', 'Recruited'].includes(schema),
    startDate: null,
    endDate: null,
    evaluation: 'B2',
    handlingCode: 'H1',
    lat: null,
    lon: null,
    ...extra,
  };
}

function end(relationship: number, entity: number, label: string, fromEnd: boolean): ChartEdgeData {
  return {
    id: `${id(relationship)}:${label}:${id(entity)}`,
    source: fromEnd ? id(entity) : id(relationship),
    target: fromEnd ? id(relationship) : id(entity),
    kind: 'relationship',
    relationshipId: id(relationship),
    label,
    startDate: null,
    endDate: null,
    calls: null,
  };
}

// Јована uses a phone that calls Arben's phone; Arben recruited Ивана (dated, graded C3).
const graph: CaseGraph = {
  caseId: id(0),
  allowed: ['case.view'],
  nodes: [
    node(1, 'Person', 'Јована Петровић'),
    node(2, 'Phone', '+381 64 111 2222'),
    node(3, 'UsesPhone', 'uses'),
    node(4, 'Phone', '+383 44 333 444'),
    node(5, 'Person', 'Arben Krasniqi'),
    node(6, 'UsesPhone', 'uses'),
    node(7, 'Person', 'Ивана Стојановска'),
    node(8, 'Recruited', 'recruited', { startDate: '2025-11', evaluation: 'C3', handlingCode: 'H2' }),
  ],
  edges: [
    end(3, 1, 'person', true),
    end(3, 2, 'phone', false),
    end(6, 5, 'person', true),
    end(6, 4, 'phone', false),
    end(8, 5, 'recruiter', true),
    end(8, 7, 'recruited', false),
    {
      id: `calls:${id(2)}:${id(4)}`,
      source: id(2),
      target: id(4),
      kind: 'calls',
      relationshipId: null,
      label: 'calls',
      startDate: '2026-03-02',
      endDate: '2026-03-04',
      calls: { count: 3, first: '2026-03-02T21:15:00Z', last: '2026-03-04T09:05:00Z', totalSeconds: 210 },
    },
  ],
};

describe('the chart the analyst sees', () => {
  it('folds relationship entities into links and keeps the path between the persons', () => {
    const full = fullGraph(graph, null);
    expect(full.order).toBe(8);
    const folded = visibleGraph(full, INITIAL_VIEW);
    expect(folded.order).toBe(5);
    expect(folded.hasEdge(id(8))).toBe(true);
    const path = shortestPath(folded, id(1), id(7));
    expect(path?.nodeIds).toEqual([id(1), id(2), id(4), id(5), id(7)]);
    const unfolded = visibleGraph(full, { ...INITIAL_VIEW, hideRelationships: false });
    expect(unfolded.order).toBe(8);
  });

  it('drops what the filter refuses: a C3 recruitment under a B2-or-better filter, an H2 one', () => {
    const full = fullGraph(graph, null);
    const atLeastB2 = visibleGraph(full, {
      ...INITIAL_VIEW,
      filter: { ...NO_FILTER, minSource: 'B', minInformation: 2 },
    });
    expect(atLeastB2.hasEdge(id(8))).toBe(false);
    expect(atLeastB2.hasNode(id(7))).toBe(true);
    const onlyH1 = visibleGraph(full, {
      ...INITIAL_VIEW,
      filter: { ...NO_FILTER, handlingCodes: ['H0', 'H1'] },
    });
    expect(onlyH1.hasEdge(id(8))).toBe(false);
    const persons = visibleGraph(full, { ...INITIAL_VIEW, filter: { ...NO_FILTER, types: ['Person'] } });
    expect(persons.order).toBe(3);
    const before2026 = visibleGraph(full, { ...INITIAL_VIEW, filter: { ...NO_FILTER, to: '2025-12' } });
    expect(before2026.hasEdge(`calls:${id(2)}:${id(4)}`)).toBe(false);
    expect(before2026.hasEdge(id(8))).toBe(true);
  });

  it('reads each relationship’s ends from its links, so its side-table row names what it links', () => {
    const ends = relationshipEnds(graph);
    expect(ends.get(id(8))).toEqual({ source: [id(5)], target: [id(7)] });
    expect(ends.get(id(3))).toEqual({ source: [id(1)], target: [id(2)] });
    expect(ends.has(id(2))).toBe(false);
  });

  it('brings a relationship onto a focused chart only with both of its ends', () => {
    const focused = fullGraph(graph, new Set([id(5), id(7)]));
    expect(focused.nodes().sort()).toEqual([id(5), id(7), id(8)].sort());
    const alone = fullGraph(graph, new Set([id(5)]));
    expect(alone.nodes()).toEqual([id(5)]);
  });

  it('keeps the places of what the analyst has seen when an expansion adds entities', () => {
    const first = placeNodes(fullGraph(graph, new Set([id(5), id(7)])), new Map());
    const arben = first.get(id(5))!;
    const expanded = placeNodes(fullGraph(graph, null), first);
    expect(expanded.get(id(5))).toEqual(arben);
    expect(expanded.size).toBe(8);
    const phone = expanded.get(id(4))!;
    // A new entity starts next to its neighbour (here two steps of at most 1.5 through UsesPhone),
    // not somewhere across the chart.
    expect(Math.hypot(phone[0] - arben[0], phone[1] - arben[1])).toBeLessThanOrEqual(3);
  });

  it('draws a large chart at once by communities, each group together', () => {
    // 12 groups of 100 entities, each linked to 10 others of its group: planted communities.
    const groups = 12;
    const size = 100;
    const random = seededRandom(5);
    const nodes = Array.from({ length: groups * size }, (_, i) => node(100 + i, 'Person', `Лице ${i}`));
    const edges: ChartEdgeData[] = [];
    for (let i = 0; i < groups * size; i++) {
      const group = Math.floor(i / size) * size;
      for (let k = 0; k < 10; k++) {
        const j = group + Math.floor(random() * size);
        if (j !== i) edges.push({ ...end(100 + i, 100 + j, 'calls', false), id: `calls:${i}:${j}:${k}` });
      }
    }
    const big = fullGraph(
      { ...graph, nodes, edges: edges.map((e) => ({ ...e, kind: 'calls' as const, relationshipId: null })) },
      null,
    );
    const positions = placeNodes(big, new Map());
    expect(positions.size).toBe(groups * size);
    const centres = Array.from({ length: groups }, (_, g) => {
      let x = 0;
      let y = 0;
      for (let i = g * size; i < (g + 1) * size; i++) {
        const [px, py] = positions.get(id(100 + i))!;
        x += px / size;
        y += py / size;
      }
      return [x, y] as const;
    });
    // Nearly every entity sits nearest the centre of its own group.
    let home = 0;
    for (let i = 0; i < groups * size; i++) {
      const [x, y] = positions.get(id(100 + i))!;
      const distances = centres.map(([cx, cy]) => Math.hypot(x - cx, y - cy));
      if (distances.indexOf(Math.min(...distances)) === Math.floor(i / size)) home++;
    }
    expect(home / (groups * size)).toBeGreaterThan(0.9);
  });

  it('groups by type into separate clusters', () => {
    const positions = groupedPositions(visibleGraph(fullGraph(graph, null), INITIAL_VIEW));
    const centre = (ids: string[]) =>
      ids
        .map((i) => positions.get(i)!)
        .reduce((a, p) => [a[0] + p[0] / ids.length, a[1] + p[1] / ids.length], [0, 0]);
    const persons = centre([id(1), id(5), id(7)]);
    const phones = centre([id(2), id(4)]);
    expect(Math.hypot(persons[0] - phones[0], persons[1] - phones[1])).toBeGreaterThan(2);
  });

  it('saves and restores the entities, positions, filter and path of a chart', () => {
    const view = { ...INITIAL_VIEW, entityIds: new Set([id(5), id(7)]), colourByCommunity: true };
    const state = toSavedState(
      view,
      new Map([[id(5), [1.23456, -2] as const]]),
      { from: id(5), to: id(7) },
      null,
    );
    expect(state.positions[id(5)]).toEqual([1.235, -2]);
    const back = fromSavedState(state);
    expect([...back.view.entityIds!].sort()).toEqual([id(5), id(7)].sort());
    expect(back.view.colourByCommunity).toBe(true);
  });

  it('merges an expansion into the chart without duplicates', () => {
    const merged = mergeGraphs(
      { ...graph, nodes: graph.nodes.slice(0, 2), edges: [] },
      { ...graph, nodes: graph.nodes.slice(1, 4), edges: graph.edges.slice(0, 2) },
    );
    expect(merged.nodes.map((n) => n.id)).toEqual([id(1), id(2), id(3), id(4)]);
    expect(merged.edges).toHaveLength(2);
  });
});
