import { describe, expect, it } from 'vitest';
import { FORM_SCHEMATA, type FormSchema } from './forms.ts';
import { entitySchema, propertyOf, relationshipEnds } from './model.ts';

describe('entity forms', () => {
  it.each(Object.entries(FORM_SCHEMATA as Record<string, FormSchema>))(
    '%s offers only properties the model knows, and the right ends',
    (name, form) => {
      const schema = entitySchema(name);
      expect(schema, name).not.toBeNull();
      for (const property of [...(form.ends ?? []), ...form.properties])
        expect(propertyOf(schema!, property), `${name}.${property}`).not.toBeNull();
      const ends = relationshipEnds(name);
      expect(ends ? [ends.source, ends.target] : undefined).toEqual(form.ends ? [...form.ends] : undefined);
    },
  );
});
