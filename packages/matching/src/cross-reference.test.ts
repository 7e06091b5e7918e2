import { describe, expect, it } from 'vitest';
import { generatePeople } from '../../demo/src/people/index.ts';
import { createBlockIndex } from './block-index.ts';
import { crossReference } from './cross-reference.ts';
import type { PersonRecord } from './record.ts';

const records: PersonRecord[] = [
  { id: 'sr', names: ['Ђорђе Ђорђевић'], birthDates: ['12.03.1985.'] },
  { id: 'me', names: ['Djordje Djordjevic'], birthDates: ['1985-03-12'] },
  { id: 'hr', names: ['DJORDJEVIC DJORDJE'], birthDates: ['1985'] },
  { id: 'al', names: ['Besnik Hoxha'], phones: ['+389 70 123 456'] },
  { id: 'mk', names: ['Бесник Хоџа'], phones: ['070 123 456'], country: 'MK' },
  { id: 'other', names: ['Marko Petković'], birthDates: ['1985-03-12'] },
  { id: 'other2', names: ['Marko Petrović'], birthDates: ['1990-01-01'] },
];

describe('block index', () => {
  it('finds the same person in another script while an officer types a name', () => {
    const index = createBlockIndex(records);
    const found = index.query({ id: 'q', names: ['Djordjevic Djordje'] }, { limit: 5 });
    expect(found.map((m) => m.id)).toEqual(expect.arrayContaining(['sr', 'me', 'hr']));
    expect(found.map((m) => m.id)).not.toContain('other');
    expect(found[0]?.comparison.name?.explanation).not.toBeNull();
  });

  it('finds a record by a shared phone even when the name is misspelt beyond recognition', () => {
    const index = createBlockIndex(records);
    const found = index.query({ id: 'q', names: ['B. H.'], phones: ['+38970123456'] });
    expect(found.map((m) => m.id)).toEqual(expect.arrayContaining(['al', 'mk']));
  });
});

describe('cross-referencing', () => {
  it('groups the spellings of one person into one cluster and leaves others alone', () => {
    const { clusters, pairs } = crossReference(records, { threshold: 0.5 });
    const sorted = clusters.map((c) => [...c].sort());
    expect(sorted).toContainEqual(['hr', 'me', 'sr']);
    expect(sorted).toContainEqual(['al', 'mk']);
    expect(pairs.some((p) => p.left === 'other' || p.right === 'other')).toBe(false);
  });

  it('finds nearly all planted duplicates in a synthetic population', () => {
    const { records: people, planted } = generatePeople({ count: 3000, seed: 5, duplicateRate: 0.2 });
    const { pairs } = crossReference(people, { threshold: 0.5 });
    const found = new Set(pairs.map((p) => `${p.left}|${p.right}`));
    const recalled = planted.filter(([a, b]) => found.has(`${a}|${b}`)).length;
    expect(recalled / planted.length).toBeGreaterThan(0.97);
  });

  it('adds an explanation to every pair when asked', () => {
    const { pairs } = crossReference(records, { threshold: 0.5, explain: true });
    expect(pairs.every((p) => p.comparison !== undefined && p.comparison.fields.length > 0)).toBe(true);
  });
});

describe('crossReference reports each pair once', () => {
  it('lists no pair twice, whatever the birth years known', () => {
    const { records } = generatePeople({ count: 3000, seed: 7, duplicateRate: 0.2 });
    const { pairs } = crossReference(records, { threshold: 0.5 });
    const keys = pairs.map((p) => `${p.left}|${p.right}`);
    expect(pairs.length).toBeGreaterThan(100);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
