import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { buildGraph } from './build.ts';
import { entity, link, relationship, twoGroupsAndABridge } from './chart-factories.ts';
import { keyPlayers } from './key-players.ts';
import { seededRandom } from './random.ts';
import type { ChartEdge, ChartNode } from './model.ts';

function randomChart(
  n: number,
  m: number,
  seed: number,
  prefix = '',
): { nodes: ChartNode[]; edges: ChartEdge[] } {
  const random = seededRandom(seed);
  const nodes = Array.from({ length: n }, (_, i) => entity(`${prefix}n${i}`));
  const edges: ChartEdge[] = [];
  for (let i = 0; i < m; i++) {
    const a = Math.floor(random() * n);
    const b = (a + 1 + Math.floor(random() * (n - 1))) % n;
    edges.push(link(`${prefix}n${a}`, `${prefix}n${b}`, 'Associate', { id: `${prefix}e${i}` }));
  }
  return { nodes, edges };
}

describe('key players', () => {
  it('ranks the bridge between two groups first by betweenness', () => {
    const { nodes, edges } = twoGroupsAndABridge();
    const found = keyPlayers(buildGraph(nodes, edges).graph, { limit: 3 });
    expect(found.byBetweenness[0]?.id).toBe('bridge');
    expect(found.betweennessMethod).toBe('exact');
    // The bridge has only two links, so degree alone would miss it.
    expect(found.byDegree.map((p) => p.id)).not.toContain('bridge');
  });

  it('matches graphology-metrics exactly on a small chart, direction ignored', () => {
    const { nodes, edges } = randomChart(60, 150, 3);
    const found = keyPlayers(buildGraph(nodes, edges).graph, { limit: 60 });
    const reference = new UndirectedGraph();
    nodes.forEach((n) => reference.addNode(n.id));
    edges.forEach((e) => reference.mergeEdge(e.source, e.target));
    const expected = betweennessCentrality(reference, { getEdgeWeight: null });
    for (const player of found.byBetweenness)
      expect(player.betweenness).toBeCloseTo(expected[player.id] ?? -1, 10);
  });

  it('estimates from a sample on a large chart and still finds the brokers the exact ranking finds', () => {
    // Eight groups of 200 loosely linked people; one broker joins each group to the next.
    const groups = Array.from({ length: 8 }, (_, g) => randomChart(200, 600, g + 1, `g${g}.`));
    const brokers = Array.from({ length: 7 }, (_, g) => entity(`broker${g}`));
    const bridges = brokers.flatMap((b, g) => [link(b.id, `g${g}.n0`), link(b.id, `g${g + 1}.n1`)]);
    const graph = buildGraph(
      [...groups.flatMap((g) => g.nodes), ...brokers],
      [...groups.flatMap((g) => g.edges), ...bridges],
    ).graph;
    const exact = keyPlayers(graph, { limit: 5, exactUpTo: 5000 });
    const sampled = keyPlayers(graph, { limit: 10, sampleSize: 200 });
    expect(exact.betweennessMethod).toBe('exact');
    expect(sampled.betweennessMethod).toBe('sampled');
    expect(sampled.sources).toBe(200);
    expect(sampled.byBetweenness.map((p) => p.id)).toEqual(
      expect.arrayContaining(exact.byBetweenness.map((p) => p.id)),
    );
  });

  it('counts an Ownership entity as a link, not as a player', () => {
    const own = relationship('own', 'Ownership', ['owner', 'p'], ['asset', 'c']);
    const { graph } = buildGraph([entity('p'), entity('c', 'Company'), own.node], own.edges);
    const found = keyPlayers(graph, { limit: 5 });
    expect(found.byDegree.map((p) => [p.id, p.degree])).toEqual([
      ['c', 1],
      ['p', 1],
    ]);
  });

  it('counts two links between the same pair as one neighbour', () => {
    const { graph } = buildGraph(
      [entity('a'), entity('b')],
      [link('a', 'b', 'Family'), link('b', 'a', 'Associate')],
    );
    expect(keyPlayers(graph, { limit: 1 }).byDegree[0]?.degree).toBe(1);
  });
});
