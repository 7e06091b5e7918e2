import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPES } from '@veza/graph';
import { creatableSchemata, entitySchema, relationshipEnds, VEZA_RELATIONSHIPS } from './model.ts';
import { validateEntity, validateValue } from './validate.ts';

describe('Veza entity model', () => {
  it('knows FtM schemata and the ones trafficking work adds', () => {
    const names = creatableSchemata().map((s) => s.name);
    for (const name of ['Person', 'Company', 'Vehicle', 'Address', 'BankAccount', 'Passport', 'Trip'])
      expect(names).toContain(name);
    expect(names).toContain('Phone');
    for (const name of VEZA_RELATIONSHIPS) expect(names).toContain(name);
    // Calls come from call records, not from a form; they are still valid entities.
    expect(names).not.toContain('Call');
    expect(entitySchema('Call')?.name).toBe('Call');
    expect(entitySchema('Thing')).toBeNull(); // abstract: an entity must say what it is
    expect(entitySchema('Persona')).toBeNull();
  });

  it('names the same relationship ends as the link chart draws', () => {
    for (const [name, ends] of Object.entries(RELATIONSHIP_TYPES))
      expect(relationshipEnds(name), name).toEqual(ends);
    expect(relationshipEnds('Person')).toBeNull();
  });

  it('accepts a Serbian courier written in Cyrillic with FtM properties', () => {
    expect(
      validateEntity('Person', {
        name: ['Ђорђе Ђорђевић'],
        birthDate: ['1991-04-17'],
        nationality: ['rs'],
        idNumber: ['0804991710032'],
      }),
    ).toEqual([]);
    expect(validateEntity('Phone', { number: ['+381641234567'] })).toEqual([]);
    expect(validateEntity('UsesPhone', { person: ['p1'], phone: ['ph1'], startDate: ['2025-11'] })).toEqual(
      [],
    );
  });

  it('says what is wrong with a value that does not fit', () => {
    expect(validateValue('Person', 'plateNumber', 'BG-123-AA')).toEqual([
      expect.objectContaining({ path: 'plateNumber', code: 'unknown_property' }),
    ]);
    expect(validateValue('Person', 'birthDate', '17.04.1991.')).toEqual([
      expect.objectContaining({ code: 'invalid_date' }),
    ]);
    expect(validateValue('Vehicle', 'country', 'Serbia')).toEqual([
      expect.objectContaining({ code: 'invalid_country' }),
    ]);
    expect(validateValue('Person', 'name', 'x'.repeat(500))).toEqual([
      expect.objectContaining({ code: 'too_long' }),
    ]);
    expect(validateEntity('Smuggler', { name: ['Arben Krasniqi'] })).toEqual([
      expect.objectContaining({ path: 'schema', code: 'unknown_schema' }),
    ]);
  });
});
