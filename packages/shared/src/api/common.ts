import { z } from 'zod';
import { ACTIONS } from '../actions.ts';
import { ERROR_CODES } from '../errors.ts';
import { JURISDICTIONS } from '../jurisdictions.ts';
import { LOCALES } from '../locales.ts';

export const Uuid = z.uuid();
export const JurisdictionCodeSchema = z.enum(JURISDICTIONS);
export const LocaleSchema = z.enum(LOCALES);
export const ActionSchema = z.enum(ACTIONS);
export const Timestamp = z.iso.datetime({ offset: true });

/** A trimmed, non-empty line of text with a sane upper bound, for names and titles. */
export const Line = (max = 200) => z.string().trim().min(1).max(max);

export const IdParams = z.strictObject({ id: Uuid });

export const Pagination = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.enum(ERROR_CODES),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
});

/** Every object the API returns that a user can act on carries the actions this user may take on it. */
export const Allowed = z.array(ActionSchema);

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
