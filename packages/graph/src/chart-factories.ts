// Test factories: one line builds a valid chart item. Not exported from the package.
import type { ChartEdge, ChartNode } from './model.ts';

let sequence = 0;

export function entity(id: string, type = 'Person', extra: Partial<ChartNode> = {}): ChartNode {
  return { id, type, label: extra.label ?? id, ...extra };
}

export function link(
  source: string,
  target: string,
  type = 'Associate',
  extra: Partial<ChartEdge> = {},
): ChartEdge {
  return { id: extra.id ?? `${source}->${target}#${++sequence}`, source, target, type, ...extra };
}

/** A relationship entity between two ends, as FtM stores it: the entity plus one edge per end. */
export function relationship(
  id: string,
  type: string,
  [sourceProperty, source]: readonly [string, string],
  [targetProperty, target]: readonly [string, string],
  extra: Partial<ChartNode> = {},
): { node: ChartNode; edges: ChartEdge[] } {
  return {
    node: entity(id, type, extra),
    edges: [
      link(source, id, sourceProperty, { id: `${id}.${sourceProperty}` }),
      link(id, target, targetProperty, { id: `${id}.${targetProperty}` }),
    ],
  };
}

/** Two groups of `size` entities, each linked to every other in its group, joined by `bridge`. */
export function twoGroupsAndABridge(size = 6): { nodes: ChartNode[]; edges: ChartEdge[] } {
  const left = Array.from({ length: size }, (_, i) => `left${i}`);
  const right = Array.from({ length: size }, (_, i) => `right${i}`);
  const nodes = [...left, ...right, 'bridge'].map((id) => entity(id));
  const edges: ChartEdge[] = [];
  for (const group of [left, right]) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) edges.push(link(group[i] as string, group[j] as string));
    }
  }
  edges.push(link('left0', 'bridge'), link('bridge', 'right0'));
  return { nodes, edges };
}

/** A chart with what an export must survive: Cyrillic, markup characters, parallel and dangling links. */
export function sampleChart(): { nodes: ChartNode[]; edges: ChartEdge[] } {
  return {
    nodes: [
      entity('p1', 'Person', {
        label: 'Ђорђе Ђорђевић',
        evaluation: { source: 'B', information: 2 },
        handlingCode: 'H1',
        date: '2024-03',
        caseIds: ['case-1', 'case-2'],
        properties: { nationality: ['rs', 'me'], birthDate: ['1985-03-12'] },
      }),
      entity('c&1', 'Company', {
        label: 'Trade <"Balkan"> & Sons',
        properties: { registrationNumber: ['123'] },
      }),
      entity('own1', 'Ownership', { label: "50% 'share'" }),
    ],
    edges: [
      link('p1', 'own1', 'owner', { id: 'own1.owner', weight: 2.5 }),
      link('own1', 'c&1', 'asset', { id: 'own1.asset', label: 'line\nbreak', handlingCode: 'H3' }),
      link('p1', 'c&1', 'Associate', { id: 'parallel-1' }),
      link('p1', 'c&1', 'Associate', { id: 'parallel-2', evaluation: { source: 'X', information: 4 } }),
      link('p1', 'gone', 'Associate', { id: 'dangling' }),
    ],
  };
}
