import { describe, expect, it } from 'vitest';
import { buildCaseChart, type ChartSource, type ChartSourceStatement } from './chart.build.ts';

const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const said = (
  entity: number,
  property: string,
  value: string,
  grade = 'B2',
  code = 'H1',
): ChartSourceStatement => ({
  entityId: id(entity),
  property,
  value,
  evaluationSource: grade[0]!,
  evaluationInfo: Number(grade[1]),
  handlingCode: code,
});

const source = (over: Partial<ChartSource> = {}): ChartSource => ({
  entities: [
    { id: id(1), schema: 'Person', caption: 'Јована Петровић' },
    { id: id(2), schema: 'Company', caption: 'Транспорт Север д.о.о.' },
    { id: id(3), schema: 'Ownership', caption: 'owns' },
    { id: id(4), schema: 'Address', caption: 'Корзо 8, Суботица' },
    { id: id(5), schema: 'Passport', caption: 'P1234567' },
  ],
  statements: [
    said(1, 'name', 'Јована Петровић', 'C3'),
    said(1, 'birthDate', '1991-05-02', 'A1', 'H2'),
    said(3, 'owner', id(1)),
    said(3, 'asset', id(2)),
    said(3, 'startDate', '2024-06'),
    said(4, 'latitude', '46,1005'),
    said(4, 'longitude', '19.6651'),
    said(5, 'holder', id(1)),
    // A free-text date is no date for the chart's filters.
    said(2, 'incorporationDate', '2019'),
    said(2, 'date', 'proljeće 2020'),
  ],
  links: [],
  calls: [],
  caseHandlingCode: 'H0',
  personsVisible: true,
  ...over,
});

describe('case chart', () => {
  it('grades each entity by its best statement and handles it under its strictest code', () => {
    const { nodes } = buildCaseChart(source());
    const jovana = nodes.find((n) => n.id === id(1));
    expect(jovana).toMatchObject({ evaluation: 'A1', handlingCode: 'H2', startDate: null, withheld: false });
    // No statement: the case's handling code.
    expect(buildCaseChart(source({ statements: [] })).nodes[0]?.handlingCode).toBe('H0');
    expect(nodes.find((n) => n.id === id(2))?.startDate).toBeNull();
  });

  it('reads coordinates, a decimal comma too, and the date of a relationship', () => {
    const { nodes } = buildCaseChart(source());
    expect(nodes.find((n) => n.id === id(4))).toMatchObject({ lat: 46.1005, lon: 19.6651 });
    expect(nodes.find((n) => n.id === id(3))).toMatchObject({ relationship: true, startDate: '2024-06' });
  });

  it('orients relationship ends as FtM does and adds plain references', () => {
    const { edges } = buildCaseChart(source());
    expect(edges.map((e) => [e.source, e.target, e.kind, e.label])).toEqual([
      [id(1), id(3), 'relationship', 'owner'],
      [id(3), id(2), 'relationship', 'asset'],
      [id(5), id(1), 'reference', 'holder'],
    ]);
  });

  it('does not draw an edge twice when entity_edges holds what the statements say', () => {
    const { edges } = buildCaseChart(
      source({
        links: [
          { id: id(90), sourceId: id(5), targetId: id(1), relationshipId: null, label: 'holder' },
          { id: id(91), sourceId: id(1), targetId: id(2), relationshipId: id(3), label: 'Ownership' },
        ],
      }),
    );
    expect(edges).toHaveLength(3);
  });

  it('draws a relationship stored only in entity_edges through its entity', () => {
    const { edges } = buildCaseChart(
      source({
        statements: [],
        links: [{ id: id(91), sourceId: id(1), targetId: id(2), relationshipId: id(3), label: 'Ownership' }],
      }),
    );
    expect(edges.map((e) => [e.source, e.target, e.label])).toEqual([
      [id(1), id(3), 'owner'],
      [id(3), id(2), 'asset'],
    ]);
  });

  it('sums up call records per caller and callee', () => {
    const { edges } = buildCaseChart(
      source({
        calls: [
          {
            callerId: id(1),
            calleeId: id(2),
            count: 3,
            first: '2026-03-02T21:15:00Z',
            last: '2026-03-04T09:05:00Z',
            totalSeconds: 210,
          },
        ],
      }),
    );
    expect(edges.find((e) => e.kind === 'calls')).toMatchObject({
      source: id(1),
      target: id(2),
      startDate: '2026-03-02',
      endDate: '2026-03-04',
      calls: { count: 3, totalSeconds: 210 },
    });
  });

  it('withholds who a person is from a reader who may not know', () => {
    const { nodes } = buildCaseChart(source({ personsVisible: false }));
    expect(nodes.find((n) => n.id === id(1))).toMatchObject({ caption: '', withheld: true });
    expect(nodes.find((n) => n.id === id(2))?.caption).toBe('Транспорт Север д.о.о.');
  });
});
