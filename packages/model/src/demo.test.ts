import { describe, expect, it } from 'vitest';
import { DEMO_CASES } from '@veza/demo';
import { validateEntity } from './validate.ts';

describe('the demo scenario', () => {
  it.each(DEMO_CASES.map((c) => [c.title, c] as const))(
    '%s records only what the model accepts',
    (_title, c) => {
      const problems = c.entities.flatMap((entity) => {
        const properties: Record<string, string[]> = {};
        for (const s of entity.statements) (properties[s.property] ??= []).push(s.value);
        return validateEntity(entity.schema, properties).map((p) => `${entity.key} ${p.path}: ${p.message}`);
      });
      expect(problems).toEqual([]);
    },
  );
});
