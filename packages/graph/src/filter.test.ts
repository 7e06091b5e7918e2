import { describe, expect, it } from 'vitest';
import { buildGraph } from './build.ts';
import { entity, link, relationship } from './chart-factories.ts';
import { collapseRelationshipNodes, filterGraph, filterPredicates, groupByType } from './filter.ts';

describe('filtering a chart', () => {
  const chart = () =>
    buildGraph(
      [
        entity('p1'),
        entity('p2'),
        entity('p3', 'Person', { handlingCode: 'H3' }),
        entity('c1', 'Company', { evaluation: { source: 'C', information: 3 } }),
        entity('c2', 'Company', { evaluation: { source: 'A', information: 1 } }),
      ],
      [
        link('p1', 'p2', 'Associate', { id: 'h0', handlingCode: 'H0', date: '2023-05' }),
        link('p1', 'p2', 'Family', { id: 'h3', handlingCode: 'H3', date: '2024-01-10' }),
        link('p1', 'p3', 'Associate', { id: 'to-h3-person' }),
        link('p2', 'c1', 'Associate', { id: 'weak', evaluation: { source: 'X', information: 4 } }),
        link('p2', 'c2', 'Associate', { id: 'strong', evaluation: { source: 'B', information: 2 } }),
      ],
    ).graph;

  it('drops H3 entities and links, and the links of a dropped entity', () => {
    const shown = filterGraph(chart(), { handlingCodes: ['H0', 'H1', 'H2'] });
    expect(shown.hasNode('p3')).toBe(false);
    expect(shown.hasEdge('h3')).toBe(false);
    expect(shown.hasEdge('to-h3-person')).toBe(false);
    expect(shown.hasEdge('h0')).toBe(true);
  });

  it('drops items evaluated below the minimum on either grade', () => {
    const shown = filterGraph(chart(), { minEvaluation: { source: 'B', information: 2 } });
    expect(shown.hasNode('c1')).toBe(false);
    expect(shown.hasEdge('weak')).toBe(false);
    expect(shown.hasEdge('strong')).toBe(true);
    expect(shown.hasNode('c2')).toBe(true);
    expect(filterGraph(chart(), { minEvaluation: { information: 3 } }).hasNode('c1')).toBe(true);
    expect(filterGraph(chart(), { minEvaluation: { source: 'B' } }).hasNode('c1')).toBe(false);
  });

  it('keeps unevaluated or unmarked items unless told to drop them', () => {
    const kept = filterGraph(chart(), { minEvaluation: { source: 'B', information: 2 } });
    expect(kept.hasNode('p1')).toBe(true);
    const dropped = filterGraph(chart(), { minEvaluation: { source: 'B', information: 2 }, missing: 'drop' });
    expect(dropped.nodes()).toEqual(['c2']);
  });

  it('keeps links dated within the range, a partial date counting as its whole period', () => {
    const may = filterGraph(chart(), { from: '2023-05-10', to: '2023-12-31', missing: 'drop' });
    expect(may.edges()).toEqual([]);
    const shown = filterGraph(chart(), { from: '2023-05-10', to: '2023-12-31' });
    expect(shown.hasEdge('h0')).toBe(true);
    expect(shown.hasEdge('h3')).toBe(false);
    expect(filterGraph(chart(), { from: '2024-01-10', to: '2024-01-10' }).hasEdge('h3')).toBe(true);
  });

  it('keeps only the chosen types of entities and links', () => {
    const shown = filterGraph(chart(), { nodeTypes: ['Person'], edgeTypes: ['Family'] });
    expect(shown.nodes()).toEqual(['p1', 'p2', 'p3']);
    expect(shown.edges()).toEqual(['h3']);
  });

  it('hides the same items through predicates as filtering does, for a chart that hides without rebuilding', () => {
    const graph = chart();
    const filter = {
      handlingCodes: ['H0', 'H1', 'H2'],
      minEvaluation: { source: 'B', information: 2 },
    } as const;
    const keep = filterPredicates(filter);
    const shown = filterGraph(graph, filter);
    expect(graph.filterNodes((_id, a) => keep.node(a))).toEqual(shown.nodes());
    expect(graph.filterEdges((_id, a, s, t) => keep.edge(a) && shown.hasNode(s) && shown.hasNode(t))).toEqual(
      shown.edges(),
    );
  });

  it('drops the link an H3 relationship entity stands for', () => {
    const own = relationship('own', 'Ownership', ['owner', 'p1'], ['asset', 'c1'], { handlingCode: 'H3' });
    const { graph } = buildGraph([entity('p1'), entity('c1', 'Company'), own.node], own.edges);
    const shown = collapseRelationshipNodes(filterGraph(graph, { handlingCodes: ['H0', 'H1', 'H2'] }));
    expect(shown.size).toBe(0);
  });
});

describe('hiding relationship nodes', () => {
  it('turns Person - Ownership - Company into one Ownership link from owner to asset', () => {
    const own = relationship('own1', 'Ownership', ['owner', 'marko'], ['asset', 'firma'], {
      label: '51%',
      date: '2022-03-01',
    });
    const { graph } = buildGraph([entity('marko'), entity('firma', 'Company'), own.node], own.edges);
    const collapsed = collapseRelationshipNodes(graph);
    expect(collapsed.nodes()).toEqual(['marko', 'firma']);
    expect(collapsed.edges()).toEqual(['own1']);
    expect(collapsed.extremities('own1')).toEqual(['marko', 'firma']);
    expect(collapsed.getEdgeAttributes('own1')).toMatchObject({
      type: 'Ownership',
      label: '51%',
      date: '2022-03-01',
      relationshipId: 'own1',
    });
    expect(graph.hasNode('own1')).toBe(true);
  });

  it('orients the link by FtM property names even when the stored edges point the other way', () => {
    const edges = [
      link('job', 'ana', 'employee', { id: 'e1' }),
      link('job', 'bar', 'employer', { id: 'e2' }),
    ];
    const { graph } = buildGraph(
      [entity('ana'), entity('bar', 'Company'), entity('job', 'Employment')],
      edges,
    );
    expect(collapseRelationshipNodes(graph).extremities('job')).toEqual(['ana', 'bar']);
  });

  it('gives the link the strictest handling code and weakest evaluation of what it merges', () => {
    const own = relationship('own', 'Ownership', ['owner', 'p'], ['asset', 'c'], {
      handlingCode: 'H1',
      evaluation: { source: 'A', information: 2 },
    });
    const edges = own.edges.map((e, i) =>
      i === 0
        ? { ...e, handlingCode: 'H2' as const, evaluation: { source: 'B' as const, information: 1 as const } }
        : e,
    );
    const { graph } = buildGraph([entity('p'), entity('c', 'Company'), own.node], edges);
    expect(collapseRelationshipNodes(graph).getEdgeAttributes('own')).toMatchObject({
      handlingCode: 'H2',
      evaluation: { source: 'B', information: 2 },
    });
  });

  it('keeps a relationship entity with more than two ends as a node, so nothing disappears', () => {
    const pay = relationship('pay', 'Payment', ['payer', 'p'], ['beneficiary', 'c']);
    const { graph } = buildGraph(
      [entity('p'), entity('c', 'Company'), entity('acct', 'BankAccount'), pay.node],
      [...pay.edges, link('pay', 'acct', 'payerAccount')],
    );
    const collapsed = collapseRelationshipNodes(graph);
    expect(collapsed.hasNode('pay')).toBe(true);
    expect(collapsed.size).toBe(3);
  });
});

describe('grouping by type', () => {
  it('lists the largest group first and marks relationship types', () => {
    const own = relationship('own', 'Ownership', ['owner', 'p1'], ['asset', 'c1']);
    const { graph } = buildGraph([entity('p1'), entity('p2'), entity('c1', 'Company'), own.node], own.edges);
    expect(groupByType(graph)).toEqual([
      { type: 'Person', relationship: false, nodeIds: ['p1', 'p2'] },
      { type: 'Company', relationship: false, nodeIds: ['c1'] },
      { type: 'Ownership', relationship: true, nodeIds: ['own'] },
    ]);
  });
});
