import { describe, expect, it } from 'vitest';
import { buildGraph } from './build.ts';
import { entity, link } from './chart-factories.ts';

describe('building a chart', () => {
  it('reports links to entities that are not loaded instead of failing', () => {
    const { graph, problems } = buildGraph(
      [entity('p1'), entity('p2')],
      [link('p1', 'p2', 'Associate', { id: 'ok' }), link('p1', 'missing', 'Associate', { id: 'dangling' })],
    );
    expect(graph.order).toBe(2);
    expect(graph.edges()).toEqual(['ok']);
    expect(problems.danglingEdges.map((e) => e.id)).toEqual(['dangling']);
  });

  it('keeps the first of two entities with one id and reports the second', () => {
    const { graph, problems } = buildGraph([entity('p1', 'Person'), entity('p1', 'Company')], []);
    expect(graph.getNodeAttribute('p1', 'type')).toBe('Person');
    expect(problems.duplicateNodeIds).toEqual(['p1']);
  });

  it('keeps parallel links between two people and reports a link from a person to themself', () => {
    const { graph, problems } = buildGraph(
      [entity('p1'), entity('p2')],
      [
        link('p1', 'p2', 'Family'),
        link('p1', 'p2', 'Associate'),
        link('p1', 'p1', 'Associate', { id: 'loop' }),
      ],
    );
    expect(graph.size).toBe(2);
    expect(problems.selfLoops.map((e) => e.id)).toEqual(['loop']);
  });

  it('keeps the direction of a link (who recruited whom)', () => {
    const { graph } = buildGraph([entity('a'), entity('b')], [link('a', 'b', 'Recruited', { id: 'r' })]);
    expect(graph.source('r')).toBe('a');
    expect(graph.outNeighbors('a')).toEqual(['b']);
  });
});
