import { describe, expect, it } from 'vitest';
import { buildGraph } from './build.ts';
import { entity, link, relationship } from './chart-factories.ts';
import { neighbours, shortestPath } from './traversal.ts';

// marko owns firma (through an Ownership entity); ana directs firma; ana calls ivan's phone; vera is alone.
function chart() {
  const own = relationship('own', 'Ownership', ['owner', 'marko'], ['asset', 'firma']);
  const dir = relationship('dir', 'Directorship', ['director', 'ana'], ['organization', 'firma']);
  return buildGraph(
    [
      entity('marko'),
      entity('firma', 'Company'),
      entity('ana'),
      entity('phone', 'Phone'),
      entity('ivan'),
      entity('vera'),
      own.node,
      dir.node,
    ],
    [
      ...own.edges,
      ...dir.edges,
      link('ana', 'phone', 'UsesPhone', { id: 'uses' }),
      link('ivan', 'phone', 'UsesPhone', { id: 'uses2' }),
    ],
  ).graph;
}

describe('shortest path', () => {
  it('connects an owner to a director across the relationship entities, whatever the direction', () => {
    expect(shortestPath(chart(), 'marko', 'ana')).toEqual({
      nodeIds: ['marko', 'own', 'firma', 'dir', 'ana'],
      edgeIds: ['own.owner', 'own.asset', 'dir.organization', 'dir.director'],
    });
  });

  it('prefers one Ownership over two direct links, as an analyst counts links', () => {
    const own = relationship('own', 'Ownership', ['owner', 'a'], ['asset', 'b']);
    const { graph } = buildGraph(
      [entity('a'), entity('m'), entity('b'), own.node],
      [link('a', 'm', 'Associate', { id: 'am' }), link('m', 'b', 'Associate', { id: 'mb' }), ...own.edges],
    );
    expect(shortestPath(graph, 'a', 'b')?.nodeIds).toEqual(['a', 'own', 'b']);
  });

  it('says there is no path when two entities are not connected or unknown', () => {
    expect(shortestPath(chart(), 'marko', 'vera')).toBeNull();
    expect(shortestPath(chart(), 'marko', 'nobody')).toBeNull();
    expect(shortestPath(chart(), 'vera', 'vera')).toEqual({ nodeIds: ['vera'], edgeIds: [] });
  });
});

describe('neighbourhood', () => {
  it('expands two links from an entity, a relationship entity counting as one link', () => {
    const found = neighbours(chart(), 'marko', 2);
    expect(Object.fromEntries(found.nodes.map((n) => [n.id, n.distance]))).toEqual({
      marko: 0,
      own: 0,
      firma: 1,
      dir: 1,
      ana: 2,
    });
    expect([...found.edgeIds].sort()).toEqual(['dir.director', 'dir.organization', 'own.asset', 'own.owner']);
  });

  it('shows no half-links: a relationship entity whose far end is out of reach stays hidden', () => {
    const found = neighbours(chart(), 'marko', 1);
    expect(found.nodes.map((n) => n.id).sort()).toEqual(['firma', 'marko', 'own']);
    expect(found.edgeIds).not.toContain('dir.organization');
  });

  it('returns nothing for an entity that is not on the chart', () => {
    expect(neighbours(chart(), 'nobody')).toEqual({ nodes: [], edgeIds: [] });
  });
});
