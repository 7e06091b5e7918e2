import type { JurisdictionCode } from '@veza/shared';
import type { Resource } from '../../platform/policy/index.ts';
import type { ScreeningRow } from './screenings.repository.ts';

export type ScreeningResource = Extract<Resource, { type: 'screening' }>;

export function screeningResource(
  row: Pick<ScreeningRow, 'id' | 'jurisdictionCode' | 'unitId'>,
): ScreeningResource {
  return {
    type: 'screening',
    id: row.id,
    jurisdiction: row.jurisdictionCode as JurisdictionCode,
    unitId: row.unitId,
  };
}
