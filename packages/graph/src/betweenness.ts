import type { EntityNetwork } from './entity-network.ts';

/**
 * Betweenness centrality (Brandes 2001) of an undirected, unweighted network, normalised to 0..1
 * as graphology-metrics and networkx do. With `sources` shorter than the network it is the
 * sampled estimate of Brandes & Pich (2007): accumulate from those sources only and scale by
 * n / sources. graphology-metrics has no sampled variant, hence this implementation.
 */
export function betweenness(network: EntityNetwork, sources: ArrayLike<number>): Float64Array {
  const n = network.ids.length;
  const { offsets, neighbours } = network;
  const centrality = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  const order = new Uint32Array(n);
  for (let k = 0; k < sources.length; k++) {
    const s = sources[k] as number;
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    distance[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = order[head++] as number;
      const next = (distance[v] as number) + 1;
      for (let j = offsets[v] as number, end = offsets[v + 1] as number; j < end; j++) {
        const w = neighbours[j] as number;
        if (distance[w] === -1) {
          distance[w] = next;
          order[tail++] = w;
        }
        if (distance[w] === next) sigma[w]! += sigma[v] as number;
      }
    }
    // Predecessors are the neighbours one step nearer the source, so no lists are kept.
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i] as number;
      const previous = (distance[w] as number) - 1;
      const share = (1 + (delta[w] as number)) / (sigma[w] as number);
      for (let j = offsets[w] as number, end = offsets[w + 1] as number; j < end; j++) {
        const v = neighbours[j] as number;
        if (distance[v] === previous) delta[v]! += (sigma[v] as number) * share;
      }
      centrality[w]! += delta[w] as number;
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i] as number;
      distance[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  // Each unordered pair is counted from both ends, which the (n-1)(n-2) normaliser expects.
  const scale = n > 2 && sources.length > 0 ? n / sources.length / ((n - 1) * (n - 2)) : 0;
  for (let v = 0; v < n; v++) centrality[v]! *= scale;
  return centrality;
}

/** `count` distinct vertices drawn uniformly (partial Fisher-Yates), all of them when count >= n. */
export function sampleSources(n: number, count: number, random: () => number): Uint32Array {
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const k = Math.min(n, count);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    const picked = all[j] as number;
    all[j] = all[i] as number;
    all[i] = picked;
  }
  return all.slice(0, k);
}
