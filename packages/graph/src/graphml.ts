import { formatEvaluation, isHandlingCode, parseEvaluation } from './evaluation.ts';
import type { ChartEdge, ChartNode, Evaluation, HandlingCode } from './model.ts';
import { escapeXml, xmlTokens } from './xml.ts';

export interface GraphMLOptions {
  readonly title?: string;
}

/** What {@link parseGraphML} reads back. */
export interface ParsedGraphML {
  readonly title?: string;
  readonly nodes: ChartNode[];
  readonly edges: ChartEdge[];
}

interface Key {
  readonly id: string;
  readonly for: 'graph' | 'node' | 'edge';
  readonly name: string;
  readonly type: 'string' | 'double';
}

// Fixed key ids, so two exports of the same chart are byte-identical and diffable.
const GRAPH_KEYS: readonly Key[] = [{ id: 'g_title', for: 'graph', name: 'title', type: 'string' }];
const NODE_KEYS: readonly Key[] = [
  { id: 'n_type', for: 'node', name: 'type', type: 'string' },
  { id: 'n_label', for: 'node', name: 'label', type: 'string' },
  { id: 'n_date', for: 'node', name: 'date', type: 'string' },
  { id: 'n_evaluation', for: 'node', name: 'evaluation', type: 'string' },
  { id: 'n_handling', for: 'node', name: 'handlingCode', type: 'string' },
  { id: 'n_cases', for: 'node', name: 'caseIds', type: 'string' },
];
const EDGE_KEYS: readonly Key[] = [
  { id: 'e_type', for: 'edge', name: 'type', type: 'string' },
  { id: 'e_label', for: 'edge', name: 'label', type: 'string' },
  { id: 'e_date', for: 'edge', name: 'date', type: 'string' },
  { id: 'e_evaluation', for: 'edge', name: 'evaluation', type: 'string' },
  { id: 'e_handling', for: 'edge', name: 'handlingCode', type: 'string' },
  { id: 'e_weight', for: 'edge', name: 'weight', type: 'double' },
];

/** FtM properties become columns named `ftm:<property>`; several values are joined with this. */
const PROPERTY_PREFIX = 'ftm:';
const LIST_SEPARATOR = '; ';

/**
 * The chart as GraphML for Gephi, networkx, yEd or Cytoscape: node and edge ids are the entity and
 * link ids, nodes and edges are written in id order and keys have fixed ids, so the same chart
 * always gives the same file. Every key is declared with its name and type; every value is
 * XML-escaped. Links whose ends are not among the nodes are left out (the tools would invent
 * empty nodes for them).
 */
export function toGraphML(
  nodes: readonly ChartNode[],
  edges: readonly ChartEdge[],
  options: GraphMLOptions = {},
): string {
  const propertyNames = [...new Set(nodes.flatMap((n) => Object.keys(n.properties ?? {})))].sort(byCodeUnit);
  const propertyKeys: Key[] = propertyNames.map((name, i) => ({
    id: `n_p${i}`,
    for: 'node',
    name: PROPERTY_PREFIX + name,
    type: 'string',
  }));
  const keyOfProperty = new Map(propertyNames.map((name, i) => [name, `n_p${i}`]));
  const nodeIds = new Set(nodes.map((n) => n.id));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...[...GRAPH_KEYS, ...NODE_KEYS, ...propertyKeys, ...EDGE_KEYS].map(
      (k) => `  <key id="${k.id}" for="${k.for}" attr.name="${escapeXml(k.name)}" attr.type="${k.type}"/>`,
    ),
    '  <graph id="chart" edgedefault="directed">',
  ];
  if (options.title !== undefined) lines.push(`    ${data('g_title', options.title)}`);
  for (const node of [...nodes].sort((a, b) => byCodeUnit(a.id, b.id))) {
    const values = [
      data('n_type', node.type),
      data('n_label', node.label),
      ...statementData('n', node),
      ...(node.caseIds?.length ? [data('n_cases', node.caseIds.join(LIST_SEPARATOR))] : []),
      ...Object.keys(node.properties ?? {})
        .sort(byCodeUnit)
        .map((name) =>
          data(keyOfProperty.get(name) as string, (node.properties?.[name] ?? []).join(LIST_SEPARATOR)),
        ),
    ];
    lines.push(`    <node id="${escapeXml(node.id)}">${values.join('')}</node>`);
  }
  for (const edge of [...edges].sort((a, b) => byCodeUnit(a.id, b.id))) {
    if (!nodeIds.has(edge.source) || !nodeIds.has(edge.target)) continue;
    const values = [
      data('e_type', edge.type),
      ...(edge.label !== undefined ? [data('e_label', edge.label)] : []),
      ...statementData('e', edge),
      ...(edge.weight !== undefined && Number.isFinite(edge.weight)
        ? [data('e_weight', String(edge.weight))]
        : []),
    ];
    lines.push(
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">` +
        `${values.join('')}</edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

function statementData(
  prefix: 'n' | 'e',
  item: { readonly date?: string; readonly evaluation?: Evaluation; readonly handlingCode?: HandlingCode },
): string[] {
  const values: string[] = [];
  if (item.date !== undefined) values.push(data(`${prefix}_date`, item.date));
  if (item.evaluation !== undefined)
    values.push(data(`${prefix}_evaluation`, formatEvaluation(item.evaluation)));
  if (item.handlingCode !== undefined) values.push(data(`${prefix}_handling`, item.handlingCode));
  return values;
}

function data(key: string, value: string): string {
  return `<data key="${key}">${escapeXml(value)}</data>`;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Element = { readonly kind: 'graph' | 'node' | 'edge'; readonly attributes: Record<string, string> };

/**
 * Reads GraphML written by {@link toGraphML} back into chart nodes and edges (keys are matched by
 * their `attr.name`, so files other tools re-saved mostly read too). Minimal: no nested graphs,
 * no hyperedges, no defaults.
 */
export function parseGraphML(xml: string): ParsedGraphML {
  const keyNames = new Map<string, string>();
  const nodes: ChartNode[] = [];
  const edges: ChartEdge[] = [];
  let title: string | undefined;
  let element: Element | null = null;
  let values: Record<string, string> = {};
  let dataKey: string | null = null;
  for (const token of xmlTokens(xml)) {
    if (token.kind === 'open') {
      const a = token.attributes;
      if (token.name === 'key' && a.id !== undefined) keyNames.set(a.id, a['attr.name'] ?? a.id);
      else if (token.name === 'graph') element = { kind: 'graph', attributes: a };
      else if (token.name === 'node' || token.name === 'edge') {
        element = { kind: token.name, attributes: a };
        values = {};
      } else if (token.name === 'data' && a.key !== undefined) {
        dataKey = keyNames.get(a.key) ?? a.key;
        values[dataKey] = '';
      }
      if (token.empty && token.name !== 'key') {
        dataKey = null;
        if (token.name === 'node' || token.name === 'edge') element = finish(element, values, nodes, edges);
      }
    } else if (token.kind === 'text') {
      if (dataKey !== null) values[dataKey] += token.text;
    } else if (token.name === 'data') {
      if (element?.kind === 'graph' && dataKey === 'title') title = values.title;
      dataKey = null;
    } else if (token.name === 'node' || token.name === 'edge') {
      element = finish(element, values, nodes, edges);
    }
  }
  return title === undefined ? { nodes, edges } : { title, nodes, edges };
}

function finish(
  element: Element | null,
  values: Record<string, string>,
  nodes: ChartNode[],
  edges: ChartEdge[],
): Element {
  const a = element?.attributes ?? {};
  if (element?.kind === 'node') nodes.push(nodeFrom(a.id ?? '', values));
  if (element?.kind === 'edge') edges.push(edgeFrom(a.id ?? '', a.source ?? '', a.target ?? '', values));
  return { kind: 'graph', attributes: {} };
}

function nodeFrom(id: string, values: Record<string, string>): ChartNode {
  const properties: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name.startsWith(PROPERTY_PREFIX))
      properties[name.slice(PROPERTY_PREFIX.length)] = value.split(LIST_SEPARATOR);
  }
  return {
    id,
    type: values.type ?? '',
    label: values.label ?? '',
    ...statementFrom(values),
    ...(values.caseIds !== undefined ? { caseIds: values.caseIds.split(LIST_SEPARATOR) } : {}),
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  };
}

function edgeFrom(id: string, source: string, target: string, values: Record<string, string>): ChartEdge {
  return {
    id,
    source,
    target,
    type: values.type ?? '',
    ...(values.label !== undefined ? { label: values.label } : {}),
    ...statementFrom(values),
    ...(values.weight !== undefined ? { weight: Number(values.weight) } : {}),
  };
}

function statementFrom(values: Record<string, string>): {
  date?: string;
  evaluation?: Evaluation;
  handlingCode?: HandlingCode;
} {
  const evaluation = values.evaluation === undefined ? undefined : parseEvaluation(values.evaluation);
  const handlingCode = values.handlingCode;
  return {
    ...(values.date !== undefined ? { date: values.date } : {}),
    ...(evaluation !== undefined ? { evaluation } : {}),
    ...(handlingCode !== undefined && isHandlingCode(handlingCode) ? { handlingCode } : {}),
  };
}
