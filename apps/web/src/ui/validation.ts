import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ERROR_CODES, FIELD_PROBLEM_CODES, type FieldProblem } from '@veza/shared';

type ZodIssue = z.core.$ZodIssue;

/** Every zod issue code; each has a message `validation.<code>` in every catalogue. */
export const ZOD_ISSUE_CODES = [
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
] as const satisfies readonly ZodIssue['code'][];

// Fails to compile when zod gains an issue code that the list above (and the catalogues) lack.
type MissingIssueCode = Exclude<ZodIssue['code'], (typeof ZOD_ISSUE_CODES)[number]>;
const everyIssueCodeListed: [MissingIssueCode] extends [never] ? true : false = true;
void everyIssueCodeListed;

/** The most helpful message for an issue found in the browser, where zod tells us the limits. */
export function issueMessage(t: TFunction, issue: ZodIssue): string {
  switch (issue.code) {
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') {
        return minimum <= 1 ? t('validation.required') : t('validation.too_short', { minimum });
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return minimum <= 1 ? t('validation.choose_at_least_one') : t('validation.too_few', { minimum });
      }
      return t('validation.too_small');
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return t('validation.too_long', { maximum });
      return t('validation.too_big');
    }
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'uuid' || issue.format === 'guid') return t('validation.choose_value');
      if (issue.format === 'datetime' || issue.format === 'date') return t('validation.date');
      return t('validation.invalid_format');
    case 'invalid_value':
      return t('validation.choose_value');
    case 'invalid_type':
      return issue.input === undefined || issue.input === ''
        ? t('validation.required')
        : t('validation.invalid_type');
    default:
      return t(`validation.${issue.code}`);
  }
}

/** A message for a field problem the server reported (it gives only the code). */
export function fieldProblemMessage(t: TFunction, problem: FieldProblem): string {
  if ((ERROR_CODES as readonly string[]).includes(problem.code)) return t(`errors.${problem.code}`);
  if ((ZOD_ISSUE_CODES as readonly string[]).includes(problem.code)) return t(`validation.${problem.code}`);
  if ((FIELD_PROBLEM_CODES as readonly string[]).includes(problem.code))
    return t(`validation.${problem.code}`);
  return t('validation.custom');
}

/** Server paths may come as "email", "body.email" or "/email"; forms use "email" and "roles.0". */
export function formPath(path: string): string {
  return path
    .replace(/^\/+/, '')
    .replace(/\//g, '.')
    .replace(/^(body|query|params)\./, '');
}

/**
 * The tiny zod resolver for @mantine/form: validates what would be sent (after `toBody`) with the
 * shared schema and returns one translated message per field.
 */
export function zodResolver<Values, Body = Values>(
  schema: z.ZodType,
  t: TFunction,
  toBody: (values: Values) => Body = (values) => values as unknown as Body,
  fieldFor: (path: string) => string = (path) => path,
): (values: Values) => Record<string, string> {
  return (values) => {
    const result = schema.safeParse(toBody(values));
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const field = fieldFor(issue.path.map(String).join('.'));
      if (!(field in errors)) errors[field] = issueMessage(t, issue);
    }
    return errors;
  };
}
