// Node-only: checks the GraphML export with python networkx, the tool many analysts script with.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { toGraphML } from '../graphml.ts';
import { sampleChart } from '../chart-factories.ts';

const hasNetworkx = spawnSync('python3', ['-c', 'import networkx'], { stdio: 'ignore' }).status === 0;
if (!hasNetworkx) {
  console.warn(
    'Skipping the networkx GraphML check: python3 with networkx is not installed (apt install python3-networkx).',
  );
}

const READ = `
import json, sys, networkx as nx
g = nx.read_graphml(sys.stdin.buffer)
print(json.dumps({
  "multi": g.is_multigraph(), "directed": g.is_directed(), "title": g.graph.get("title"),
  "nodes": {n: d for n, d in g.nodes(data=True)},
  "edges": sorted([[u, v, k, d] for u, v, k, d in g.edges(keys=True, data=True)]),
}, ensure_ascii=False))
`;

describe.skipIf(!hasNetworkx)('GraphML in networkx', () => {
  it('opens as a directed multigraph with ids, types, Cyrillic labels and parallel links intact', () => {
    const { nodes, edges } = sampleChart();
    const run = spawnSync('python3', ['-c', READ], { input: toGraphML(nodes, edges, { title: 'Случај' }) });
    expect(run.stderr.toString()).toBe('');
    const read = JSON.parse(run.stdout.toString('utf8'));
    expect(read).toMatchObject({ multi: true, directed: true, title: 'Случај' });
    expect(read.nodes.p1).toMatchObject({
      type: 'Person',
      label: 'Ђорђе Ђорђевић',
      evaluation: 'B2',
      'ftm:nationality': 'rs; me',
    });
    expect(read.nodes['c&1'].label).toBe('Trade <"Balkan"> & Sons');
    expect(read.edges.map((e: unknown[]) => e[2]).sort()).toEqual([
      'own1.asset',
      'own1.owner',
      'parallel-1',
      'parallel-2',
    ]);
    expect(read.edges.find((e: unknown[]) => e[2] === 'own1.owner')[3]).toEqual({
      type: 'owner',
      weight: 2.5,
    });
    expect(read.edges.find((e: unknown[]) => e[2] === 'own1.asset')[3].label).toBe('line\nbreak');
  });
});
