import { seededRandom } from '../../packages/graph/src/random.ts';
import type { CaseGraph, ChartEdgeData, ChartNodeData } from '../../packages/shared/src/api/chart.ts';

const SCHEMAS = ['Person', 'Person', 'Person', 'Phone', 'Phone', 'Company', 'Vehicle', 'Address'] as const;
const GIVEN = ['Јована', 'Arben', 'Ивана', 'Marko', 'Драгана', 'Besnik', 'Милан', 'Ana', 'Стефан', 'Edin'];
const FAMILY = ['Петровић', 'Krasniqi', 'Стојановска', 'Marković', 'Илић', 'Gashi', 'Николић', 'Hodžić'];

const uuid = (n: number) => `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * A case graph of `nodes` entities and `edges` links in planted groups of about 100 (80% of links
 * inside a group), the shape of a real network: call records and references, no relationship
 * entities, so the chart draws exactly these counts. Deterministic.
 */
export function syntheticCase(nodes: number, edges: number, seed = 7): CaseGraph {
  const random = seededRandom(seed);
  const groups = Math.max(1, Math.round(nodes / 100));
  const groupOf = (i: number) => i % groups;
  const members: number[][] = Array.from({ length: groups }, () => []);
  const list: ChartNodeData[] = [];
  for (let i = 0; i < nodes; i++) {
    const schema = SCHEMAS[Math.floor(random() * SCHEMAS.length)]!;
    const caption =
      schema === 'Person'
        ? `${GIVEN[i % GIVEN.length]} ${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]} ${i}`
        : schema === 'Phone'
          ? `+381 6${i % 10} ${String(100000 + i).slice(0, 3)} ${String(1000 + (i % 9000))}`
          : `${schema} ${i}`;
    list.push({
      id: uuid(i + 1),
      schema,
      caption,
      withheld: false,
      relationship: false,
      startDate: null,
      endDate: null,
      evaluation: `${'ABCX'[Math.floor(random() * 4)]}${1 + Math.floor(random() * 4)}`,
      handlingCode: 'H1',
      lat: null,
      lon: null,
    });
    members[groupOf(i)]!.push(i);
  }
  const links: ChartEdgeData[] = [];
  const seen = new Set<string>();
  while (links.length < edges) {
    const a = Math.floor(random() * nodes);
    const group = random() < 0.8 ? members[groupOf(a)]! : members[Math.floor(random() * groups)]!;
    const b = group[Math.floor(random() * group.length)]!;
    const key = `${a}:${b}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    const count = 1 + Math.floor(random() * 20);
    links.push({
      id: `calls:${uuid(a + 1)}:${uuid(b + 1)}`,
      source: uuid(a + 1),
      target: uuid(b + 1),
      kind: 'calls',
      relationshipId: null,
      label: 'calls',
      startDate: '2026-02-01',
      endDate: '2026-03-15',
      calls: { count, first: '2026-02-01T08:00:00Z', last: '2026-03-15T21:00:00Z', totalSeconds: count * 90 },
    });
  }
  return { caseId: uuid(0), nodes: list, edges: links, allowed: ['case.view'] };
}
