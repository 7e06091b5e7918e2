import { describe, expect, it } from 'vitest';
import { buildGraph } from './build.ts';
import { twoGroupsAndABridge } from './chart-factories.ts';
import { communities } from './communities.ts';

describe('communities', () => {
  const { graph } = (() => {
    const { nodes, edges } = twoGroupsAndABridge();
    return buildGraph(nodes, edges);
  })();

  it('separates two dense groups joined by a single bridge', () => {
    const found = communities(graph);
    const of = (id: string) => found.communityOf.get(id);
    expect(found.groups).toHaveLength(2);
    for (let i = 1; i < 6; i++) {
      expect(of(`left${i}`)).toBe(of('left0'));
      expect(of(`right${i}`)).toBe(of('right0'));
    }
    expect(of('left0')).not.toBe(of('right0'));
    expect(found.modularity).toBeGreaterThan(0.3);
  });

  it('gives the same communities for the same seed, so colours do not change between views', () => {
    expect(communities(graph, { seed: 7 })).toEqual(communities(graph, { seed: 7 }));
  });

  it('numbers the largest community 0', () => {
    const found = communities(graph);
    expect(found.groups[0]?.length).toBeGreaterThanOrEqual(found.groups[1]?.length ?? 0);
    expect(found.communityOf.get(found.groups[0]?.[0] as string)).toBe(0);
  });
});
