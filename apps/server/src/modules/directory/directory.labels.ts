import type { Availability, DirectoryFunction } from '@veza/shared';

/**
 * English names of the functions, for files that leave Veza (vCard TITLE, CSV): address books and
 * spreadsheets read no translation catalogue. The screens show the translated names.
 */
export const FUNCTION_TITLES: Readonly<Record<DirectoryFunction, string>> = {
  spoc: 'Single point of contact for international police cooperation (SPOC)',
  interpol_ncb: 'INTERPOL National Central Bureau',
  europol_liaison: 'Europol liaison officer',
  selec_liaison: 'SELEC liaison officer',
  mla_central_authority: 'Central authority for mutual legal assistance',
  prosecutor_office: "Prosecutor's office",
  jit_expert: 'National expert on joint investigation teams',
  anti_trafficking_coordinator: 'National anti-trafficking coordinator',
  transnational_referral_point: 'Transnational referral point',
  drugs_unit: 'Drugs unit',
  trafficking_unit: 'Trafficking in human beings unit',
};

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Consecutive ISO weekdays as ranges: [1,2,3,4,5] -> Mon-Fri, [1,3] -> Mon, Wed. */
function dayRanges(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const ranges: string[] = [];
  let start = sorted[0];
  for (let i = 0; i < sorted.length; i++) {
    const day = sorted[i] as number;
    const next = sorted[i + 1];
    if (next === day + 1) continue;
    const from = WEEKDAYS[(start as number) - 1];
    ranges.push(start === day ? `${from}` : `${from}-${WEEKDAYS[day - 1]}`);
    start = next;
  }
  return ranges.join(', ');
}

/** Availability in English: "24/7" or "Mon-Fri 08:00-16:00". The time zone is written beside it. */
export function availabilityText(availability: Availability): string {
  if (availability.kind === 'always') return '24/7';
  return `${dayRanges(availability.days)} ${availability.opens}-${availability.closes}`;
}
