import { describe, expect, it } from 'vitest';
import { entity, sampleChart } from './chart-factories.ts';
import { parseGraphML, toGraphML } from './graphml.ts';

describe('GraphML export', () => {
  it('declares every key with its name and type', () => {
    const xml = toGraphML(sampleChart().nodes, sampleChart().edges);
    expect(xml).toContain('<key id="n_type" for="node" attr.name="type" attr.type="string"/>');
    expect(xml).toContain('<key id="n_label" for="node" attr.name="label" attr.type="string"/>');
    expect(xml).toContain('<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>');
    expect(xml).toContain('attr.name="ftm:nationality"');
    const declared = new Set([...xml.matchAll(/<key id="([^"]+)"/g)].map((m) => m[1]));
    for (const [, key] of xml.matchAll(/<data key="([^"]+)"/g)) expect(declared).toContain(key);
  });

  it('escapes <, &, " and quotes in labels and ids, and keeps Cyrillic as it is', () => {
    const xml = toGraphML(sampleChart().nodes, sampleChart().edges, { title: 'Случај <1> & "2"' });
    expect(xml).toContain('Trade &lt;&quot;Balkan&quot;&gt; &amp; Sons');
    expect(xml).toContain('<node id="c&amp;1">');
    expect(xml).toContain('Ђорђе Ђорђевић');
    expect(xml).toContain('50% &apos;share&apos;');
    expect(xml).toContain('<data key="g_title">Случај &lt;1&gt; &amp; &quot;2&quot;</data>');
    expect(xml).not.toMatch(/Trade <|& Sons/);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(xml))).toBe(xml);
  });

  it('replaces characters XML cannot hold instead of writing a file tools refuse', () => {
    const xml = toGraphML([entity('x', 'Person', { label: 'bad\u0001char \ud800 alone' })], []);
    expect(xml).toContain('bad\ufffdchar \ufffd alone');
  });

  it('writes the same file twice for the same chart, whatever order the items came in', () => {
    const { nodes, edges } = sampleChart();
    const first = toGraphML(nodes, edges);
    expect(toGraphML([...nodes].reverse(), [...edges].reverse())).toBe(first);
    const ids = (xml: string) => [...xml.matchAll(/<(?:node|edge) id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(first)).toEqual([
      'c&amp;1',
      'own1',
      'p1',
      'own1.asset',
      'own1.owner',
      'parallel-1',
      'parallel-2',
    ]);
  });

  it('leaves out links to entities that are not in the export', () => {
    expect(toGraphML(sampleChart().nodes, sampleChart().edges)).not.toContain('dangling');
  });

  it('reads back what it wrote', () => {
    const { nodes, edges } = sampleChart();
    const parsed = parseGraphML(toGraphML(nodes, edges, { title: 'Случај 7' }));
    expect(parsed.title).toBe('Случај 7');
    const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(parsed.nodes)).toEqual(byId(nodes));
    expect(byId(parsed.edges)).toEqual(byId(edges.filter((e) => e.id !== 'dangling')));
  });
});
