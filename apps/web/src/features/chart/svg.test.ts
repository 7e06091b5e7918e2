import { describe, expect, it } from 'vitest';
import { toSvg } from './svg.ts';

describe('SVG export', () => {
  const svg = toSvg({
    width: 400,
    height: 300,
    title: 'Графикон веза предмета RS-2026-0001',
    nodes: [
      { x: 100, y: 100, radius: 6, colour: '#0072b2', label: 'Ђорђе <"Đole"> & drug' },
      { x: 300, y: 200, radius: 8, colour: '#d55e00', label: '' },
    ],
    edges: [{ x1: 100, y1: 100, x2: 300, y2: 200, colour: '#8a94a6', width: 1, arrow: true }],
  });

  it('is a standalone SVG with the view title, escaped labels and an arrow at the target', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"')).toBe(true);
    expect(svg).toContain('<title>Графикон веза предмета RS-2026-0001</title>');
    expect(svg).toContain('Ђорђе &lt;&quot;Đole&quot;&gt; &amp; drug');
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg.match(/<text /g)).toHaveLength(1);
    expect(svg).toContain('<polygon ');
  });

  it('draws links under entities', () => {
    expect(svg.indexOf('<line ')).toBeLessThan(svg.indexOf('<circle '));
  });
});
