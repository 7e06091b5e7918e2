import type { Queryable } from '@veza/db';
import { displayNames } from '../users/index.ts';

// Documents own no table: they print the records of other modules, read through their index.ts.
export { findPerson, type PersonRow } from '../persons/index.ts';
export { findProvider, findReferral } from '../referral/index.ts';
export { findScreening, screeningReference } from '../screenings/index.ts';
export { instrumentContent } from '../indicators/index.ts';

export async function displayName(q: Queryable, userId: string): Promise<string> {
  return (await displayNames(q, [userId])).get(userId) ?? '';
}
