import type { FieldProblem } from '@veza/shared';
import { validateEntity, validateValue, type ModelProblem } from '@veza/model';
import { invalidCaseInput } from '../cases/index.ts';

/** The model's problem codes as the zod issue codes every screen already translates. */
const AS_ISSUE: Record<ModelProblem['code'], string> = {
  unknown_schema: 'invalid_value',
  unknown_property: 'unrecognized_keys',
  too_long: 'too_big',
  invalid_date: 'invalid_format',
  invalid_country: 'invalid_value',
};

/**
 * Refuses a schema the entity model does not know, and statements whose property the schema lacks
 * or whose value does not fit its type (a date like 17.04.1991., a country "Serbia").
 */
export function checkAgainstModel(
  schema: string,
  inputs: readonly { property: string; value: string }[],
  pathOf: (index: number) => string,
): void {
  const problems: FieldProblem[] = validateEntity(schema, {}).map((p) => ({
    path: 'schema',
    code: AS_ISSUE[p.code],
    message: p.message,
  }));
  if (problems.length === 0) {
    inputs.forEach((input, index) => {
      for (const p of validateValue(schema, input.property, input.value))
        problems.push({ path: pathOf(index), code: AS_ISSUE[p.code], message: p.message });
    });
  }
  if (problems.length > 0) throw invalidCaseInput(problems);
}
