// Speed benchmark of @veza/graph: Louvain on 50,000 entities and 1,000,000 links with planted
// communities (target: at most 2 s), graph build time on its own, two-hop neighbourhood, sampled
// betweenness, and the operations a 5,000-entity / 20,000-link chart runs in the browser.
// Deterministic (seeded). Prints figures; not a test.
// Usage: tsx bench/graph/louvain.ts [nodes=50000] [edges=1000000] [communities=100]
import louvain from 'graphology-communities-louvain';
import {
  buildGraph,
  collapseRelationshipNodes,
  communities,
  filterGraph,
  keyPlayers,
  filterPredicates,
  layout,
  neighbours,
  seededRandom,
  shortestPath,
  toGraphML,
} from '../../packages/graph/src/index.ts';
import type { ChartEdge, ChartGraph, ChartNode } from '../../packages/graph/src/index.ts';

const nodeCount = Number(process.argv[2] ?? 50_000);
const edgeCount = Number(process.argv[3] ?? 1_000_000);
const plantedCount = Number(process.argv[4] ?? 100);
const INSIDE_SHARE = 0.8;

const ms = (t: number): string => `${Math.round(t).toLocaleString('en')} ms`;
const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MB`;

function time<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Entity i belongs to planted community i % k; 80% of links stay inside a community. */
function plantedChart(
  n: number,
  m: number,
  k: number,
  seed: number,
): { nodes: ChartNode[]; edges: ChartEdge[] } {
  const random = seededRandom(seed);
  const nodes: ChartNode[] = [];
  for (let i = 0; i < n; i++)
    nodes.push({ id: `e${i}`, type: i % 7 === 0 ? 'Company' : 'Person', label: `Entity ${i}` });
  const edges: ChartEdge[] = [];
  const perCommunity = Math.floor(n / k);
  for (let i = 0; i < m; i++) {
    const a = Math.floor(random() * n);
    let b =
      random() < INSIDE_SHARE
        ? (Math.floor(random() * perCommunity) * k + (a % k)) % n
        : Math.floor(random() * n);
    if (b === a) b = (a + k) % n;
    edges.push({ id: `l${i}`, source: `e${a}`, target: `e${b}`, type: 'Associate' });
  }
  return { nodes, edges };
}

/** Share of entities whose found community is mostly made of their own planted community. */
function recovery(found: ReadonlyMap<string, number>, k: number): number {
  const tally = new Map<number, Map<number, number>>();
  for (const [id, community] of found) {
    const planted = Number(id.slice(1)) % k;
    const counts = tally.get(community) ?? new Map<number, number>();
    counts.set(planted, (counts.get(planted) ?? 0) + 1);
    tally.set(community, counts);
  }
  let agree = 0;
  for (const counts of tally.values()) agree += Math.max(...counts.values());
  return agree / found.size;
}

function benchLarge(): void {
  console.log(
    `\n== ${nodeCount.toLocaleString('en')} entities, ${edgeCount.toLocaleString('en')} links, ${plantedCount} planted communities ==`,
  );
  const generated = time(() => plantedChart(nodeCount, edgeCount, plantedCount, 42));
  console.log(`generate input objects:        ${ms(generated.ms)}`);
  const built = time(() => buildGraph(generated.value.nodes, generated.value.edges));
  const graph = built.value.graph;
  console.log(
    `buildGraph (graphology):       ${ms(built.ms)}  (${graph.order} nodes, ${graph.size} edges, heap ${mb(process.memoryUsage().heapUsed)})`,
  );

  const runs = [1, 2, 3].map((seed) => time(() => communities(graph, { seed })));
  const first = runs[0]!.value;
  console.log(
    `communities (Louvain):         median ${ms(median(runs.map((r) => r.ms)))} of ${runs.map((r) => ms(r.ms)).join(', ')}` +
      `  -> ${first.groups.length} communities, modularity ${first.modularity.toFixed(4)}, planted recovery ${(100 * recovery(first.communityOf, plantedCount)).toFixed(1)}%`,
  );
  for (const options of [
    { fastLocalMoves: true, randomWalk: true },
    { fastLocalMoves: true, randomWalk: false },
    { fastLocalMoves: false, randomWalk: true },
  ]) {
    const run = time(() =>
      louvain.detailed(graph, { ...options, getEdgeWeight: null, rng: seededRandom(1) }),
    );
    console.log(
      `  louvain ${JSON.stringify(options)}, no weights: ${ms(run.ms)}  (modularity ${run.value.modularity.toFixed(4)}, ${run.value.count} communities)`,
    );
  }

  const random = seededRandom(7);
  const starts = Array.from({ length: 20 }, () => `e${Math.floor(random() * nodeCount)}`);
  const hoods = starts.map((id) => time(() => neighbours(graph, id, 2)));
  const sizes = hoods.map((h) => h.value.nodes.length);
  const edgeSizes = hoods.map((h) => h.value.edgeIds.length);
  console.log(
    `two-hop neighbourhood:         median ${ms(median(hoods.map((h) => h.ms)))}, max ${ms(Math.max(...hoods.map((h) => h.ms)))}` +
      `  (median ${median(sizes).toLocaleString('en')} nodes, ${median(edgeSizes).toLocaleString('en')} links)`,
  );
  const path = time(() => shortestPath(graph, starts[0]!, starts[1]!));
  console.log(`shortest path:                 ${ms(path.ms)}  (${path.value?.edgeIds.length ?? 0} links)`);
  for (const sampleSize of [50, 200]) {
    const players = time(() => keyPlayers(graph, { limit: 10, sampleSize }));
    console.log(
      `key players, ${players.value.betweennessMethod} betweenness from ${players.value.sources} sources: ${ms(players.ms)}` +
        `  (top: ${players.value.byBetweenness
          .slice(0, 3)
          .map((p) => `${p.id} ${p.betweenness.toFixed(5)}`)
          .join(', ')})`,
    );
  }
}

function benchChart(): void {
  const n = 5_000;
  const m = 20_000;
  console.log(
    `\n== browser-sized chart: ${n.toLocaleString('en')} entities, ${m.toLocaleString('en')} links ==`,
  );
  const { nodes, edges } = plantedChart(n, m, 25, 9);
  // A quarter of the links as relationship entities, as FtM data arrives.
  const relationshipNodes: ChartNode[] = [];
  const chartEdges: ChartEdge[] = [];
  edges.forEach((e, i) => {
    if (i % 4 !== 0) return chartEdges.push({ ...e, handlingCode: i % 10 === 0 ? 'H3' : 'H0' });
    relationshipNodes.push({
      id: `own${i}`,
      type: 'Ownership',
      label: 'owns',
      evaluation: { source: 'B', information: 2 },
    });
    chartEdges.push(
      { id: `own${i}.owner`, source: e.source, target: `own${i}`, type: 'owner' },
      { id: `own${i}.asset`, source: `own${i}`, target: e.target, type: 'asset' },
    );
  });
  const allNodes = [...nodes, ...relationshipNodes];
  const report = (label: string, run: () => unknown): void => {
    const runs = [0, 1, 2].map(() => time(run).ms);
    console.log(`${label.padEnd(36)} median ${ms(median(runs))}`);
  };
  const graph: ChartGraph = buildGraph(allNodes, chartEdges).graph;
  report('buildGraph', () => buildGraph(allNodes, chartEdges));
  report('filterGraph (H0-H2, min B2)', () =>
    filterGraph(graph, { handlingCodes: ['H0', 'H1', 'H2'], minEvaluation: { source: 'B', information: 2 } }),
  );
  report('collapseRelationshipNodes', () => collapseRelationshipNodes(graph));
  report('neighbours (two hops)', () => neighbours(graph, 'e1', 2));
  report('shortestPath', () => shortestPath(graph, 'e1', 'e4999'));
  report('communities', () => communities(graph));
  report('keyPlayers (default: sampled 256)', () => keyPlayers(graph, { limit: 20 }));
  report('keyPlayers (exact)', () => keyPlayers(graph, { limit: 20, exactUpTo: Infinity }));
  const keep = filterPredicates({
    handlingCodes: ['H0', 'H1', 'H2'],
    minEvaluation: { source: 'B', information: 2 },
  });
  report('filterPredicates over every item', () => {
    let shown = 0;
    graph.forEachNode((_id, a) => void (keep.node(a) && shown++));
    graph.forEachEdge((_id, a) => void (keep.edge(a) && shown++));
    return shown;
  });
  const collapsed = collapseRelationshipNodes(graph);
  for (const [label, chart] of [
    ['with relationship nodes', graph],
    ['relationship nodes hidden', collapsed],
  ] as const) {
    const iterations = 20;
    const run = time(() => layout(chart, iterations));
    console.log(
      `${`layout, ${label} (${chart.order} nodes)`.padEnd(36)} ${(run.ms / iterations).toFixed(1)} ms per ForceAtlas2 iteration`,
    );
  }
  report('toGraphML', () => toGraphML(allNodes, chartEdges));
}

benchLarge();
benchChart();
