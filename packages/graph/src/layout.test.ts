import { describe, expect, it } from 'vitest';
import { buildGraph } from './build.ts';
import { twoGroupsAndABridge } from './chart-factories.ts';
import { layout } from './layout.ts';

describe('layout', () => {
  const chart = () => {
    const { nodes, edges } = twoGroupsAndABridge();
    return buildGraph(nodes, edges).graph;
  };

  it('places every node, the same way twice, and writes x and y for the chart to draw', () => {
    const graph = chart();
    const first = layout(graph, 50);
    expect(first.size).toBe(13);
    for (const { x, y } of first.values()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    expect(layout(chart(), 50)).toEqual(first);
    expect(graph.getNodeAttribute('bridge', 'x')).toBe(first.get('bridge')?.x);
  });

  it('draws the members of a group closer to each other than to the other group', () => {
    const p = layout(chart(), 200);
    const d = (a: string, b: string) => Math.hypot(p.get(a)!.x - p.get(b)!.x, p.get(a)!.y - p.get(b)!.y);
    expect(d('left1', 'left2')).toBeLessThan(d('left1', 'right1'));
  });
});
