import type { Queryable } from '@veza/db';
import {
  JURISDICTIONS,
  type Availability,
  type Channel,
  type DirectoryFunction,
  type JurisdictionCode,
} from '@veza/shared';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy/index.ts';
import { csvDocument } from './directory.csv.ts';
import { availabilityText, FUNCTION_TITLES } from './directory.labels.ts';
import { entriesOf, type DirectoryEntryRow } from './directory.repository.ts';
import { confirmationDue, overdueBefore } from './directory.rules.ts';
import { auditNamesShown, signedIn, withRequestLanguage } from './directory.service.ts';
import { vcard, vcardTimestamp, type VcardProperty } from './directory.vcard.ts';

export interface DirectoryFile {
  body: string;
  filename: string;
  contentType: string;
}

function jurisdictionOf(code: string): JurisdictionCode {
  const upper = code.toUpperCase();
  if (!(JURISDICTIONS as readonly string[]).includes(upper)) throw new AppError('unknown_jurisdiction');
  return upper as JurisdictionCode;
}

async function exportedEntries(
  q: Queryable,
  ctx: RequestContext,
  code: string,
  format: 'vcf' | 'csv',
): Promise<{ jurisdiction: JurisdictionCode; rows: DirectoryEntryRow[] }> {
  signedIn(ctx);
  const jurisdiction = jurisdictionOf(code);
  authorize(ctx, 'directory.view', { type: 'directory_entry', jurisdiction });
  const rows = await entriesOf(q, jurisdiction);
  await auditNamesShown(q, ctx, rows, { export: format, jurisdiction });
  return { jurisdiction, rows };
}

const CHANNEL_PROPERTY: Record<Exclude<Channel['kind'], 'phone' | 'secure_email'>, string> = {
  siena: 'X-VEZA-SIENA',
  i247: 'X-VEZA-I247',
};

/** The vCard of one entry: a person when it names one, otherwise the organisation (KIND:org). */
export function entryVcard(row: DirectoryEntryRow): string {
  const availability = row.availability as Availability;
  const channels = row.channels as Channel[];
  const properties: VcardProperty[] = [
    { name: 'KIND', value: row.contactName === null ? 'org' : 'individual', raw: true },
    { name: 'UID', value: `urn:uuid:${row.id}`, raw: true },
    { name: 'FN', value: row.contactName ?? row.organisation },
    { name: 'ORG', value: [row.organisation] },
    { name: 'TITLE', value: FUNCTION_TITLES[row.function as DirectoryFunction] ?? row.function },
  ];
  for (const channel of channels) {
    if (channel.kind === 'phone')
      properties.push({
        name: 'TEL',
        params: ['VALUE=uri', 'TYPE=work,voice'],
        value: `tel:${channel.address}`,
        raw: true,
      });
    else if (channel.kind === 'secure_email')
      properties.push({ name: 'EMAIL', params: ['TYPE=work'], value: channel.address });
    else properties.push({ name: CHANNEL_PROPERTY[channel.kind], value: channel.address });
  }
  withRequestLanguage(row.languages).forEach((language, i) =>
    properties.push({ name: 'LANG', params: [`PREF=${i + 1}`], value: language, raw: true }),
  );
  properties.push(
    { name: 'TZ', params: ['VALUE=text'], value: availability.timeZone },
    {
      name: 'NOTE',
      value: `Available: ${availabilityText(availability)} (${availability.timeZone}). Last confirmed: ${row.lastConfirmedAt.toISOString().slice(0, 10)}.`,
    },
    { name: 'REV', value: vcardTimestamp(row.updatedAt), raw: true },
  );
  return vcard(properties);
}

/** `GET /api/directory/export.vcf`: a jurisdiction's entries as vCard 4.0, one card each. */
export async function exportVcards(q: Queryable, ctx: RequestContext, code: string): Promise<DirectoryFile> {
  const { jurisdiction, rows } = await exportedEntries(q, ctx, code, 'vcf');
  return {
    body: rows.map(entryVcard).join(''),
    filename: `veza-directory-${jurisdiction}.vcf`,
    contentType: 'text/vcard; charset=utf-8',
  };
}

export const CSV_HEADER = [
  'jurisdiction',
  'function',
  'function_title',
  'organisation',
  'contact_name',
  'languages',
  'availability',
  'time_zone',
  'phone',
  'secure_email',
  'siena',
  'i247',
  'veza_unit_id',
  'last_confirmed',
  'confirmation_due',
  'overdue',
] as const;

function addresses(channels: readonly Channel[], kind: Channel['kind']): string {
  return channels
    .filter((channel) => channel.kind === kind)
    .map((channel) => channel.address)
    .join(' ');
}

/** `GET /api/directory/export.csv`: the same entries as a table, one row each, with a header row. */
export async function exportCsv(
  q: Queryable,
  ctx: RequestContext,
  code: string,
  now: Date = new Date(),
): Promise<DirectoryFile> {
  const { jurisdiction, rows } = await exportedEntries(q, ctx, code, 'csv');
  const lines = rows.map((row) => {
    const availability = row.availability as Availability;
    const channels = row.channels as Channel[];
    return [
      row.jurisdictionCode,
      row.function,
      FUNCTION_TITLES[row.function as DirectoryFunction] ?? row.function,
      row.organisation,
      row.contactName ?? '',
      withRequestLanguage(row.languages).join(' '),
      availabilityText(availability),
      availability.timeZone,
      addresses(channels, 'phone'),
      addresses(channels, 'secure_email'),
      addresses(channels, 'siena'),
      addresses(channels, 'i247'),
      row.unitId ?? '',
      row.lastConfirmedAt.toISOString().slice(0, 10),
      confirmationDue(row.lastConfirmedAt).toISOString().slice(0, 10),
      row.lastConfirmedAt < overdueBefore(now) ? 'yes' : 'no',
    ];
  });
  return {
    body: csvDocument(CSV_HEADER, lines),
    filename: `veza-directory-${jurisdiction}.csv`,
    contentType: 'text/csv; charset=utf-8',
  };
}
