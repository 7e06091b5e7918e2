import { betweenness, sampleSources } from './betweenness.ts';
import { entityNetwork } from './entity-network.ts';
import type { ChartGraph } from './graph.ts';
import { seededRandom } from './random.ts';

export interface KeyPlayerOptions {
  /** How many entities each ranking lists. */
  readonly limit: number;
  /** Up to this many entities betweenness is exact; above, it is estimated. 1,000 unless told. */
  readonly exactUpTo?: number;
  /** Source entities the estimate starts from. 256 unless told; more is slower and closer. */
  readonly sampleSize?: number;
  /** Seed for choosing the sample. */
  readonly seed?: number;
}

export interface KeyPlayer {
  readonly id: string;
  readonly type: string;
  readonly label: string;
  /** Distinct entities linked to this one (a relationship entity counts as a link, not a neighbour). */
  readonly degree: number;
  /** Share of shortest paths between other entities that run through this one, 0..1. */
  readonly betweenness: number;
}

export interface KeyPlayers {
  readonly byDegree: readonly KeyPlayer[];
  readonly byBetweenness: readonly KeyPlayer[];
  /** Whether betweenness is exact or estimated from `sources` starting entities. */
  readonly betweennessMethod: 'exact' | 'sampled';
  readonly sources: number;
}

/**
 * Entities ranked by degree and by betweenness, direction ignored, relationship entities counted
 * as links (Person - Ownership - Company makes Person and Company neighbours). Betweenness is exact
 * up to `exactUpTo` entities and a sampled Brandes estimate above, which keeps a 5,000-entity chart
 * responsive; ties rank by id so the list does not shuffle.
 */
export function keyPlayers(graph: ChartGraph, options: KeyPlayerOptions): KeyPlayers {
  const network = entityNetwork(graph);
  const n = network.ids.length;
  const exact = n <= (options.exactUpTo ?? 1000);
  const sources = sampleSources(n, exact ? n : (options.sampleSize ?? 256), seededRandom(options.seed ?? 1));
  const scores = betweenness(network, sources);
  const players: KeyPlayer[] = [];
  for (let v = 0; v < n; v++) {
    if (network.ranked[v] === 0) continue;
    const id = network.ids[v] as string;
    const { type, label } = graph.getNodeAttributes(id);
    const degree = (network.offsets[v + 1] as number) - (network.offsets[v] as number);
    players.push({ id, type, label, degree, betweenness: scores[v] as number });
  }
  const byId = (a: KeyPlayer, b: KeyPlayer): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const top = (score: (p: KeyPlayer) => number): KeyPlayer[] =>
    [...players].sort((a, b) => score(b) - score(a) || byId(a, b)).slice(0, options.limit);
  return {
    byDegree: top((p) => p.degree),
    byBetweenness: top((p) => p.betweenness),
    betweennessMethod: sources.length === n ? 'exact' : 'sampled',
    sources: sources.length,
  };
}
