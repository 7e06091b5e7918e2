import { v7 as uuidv7 } from 'uuid';
import type { CountryCode } from 'libphonenumber-js';
import type { Queryable } from '@veza/db';
import { normalisePhone } from '@veza/matching';
import {
  JURISDICTIONS,
  REQUEST_LANGUAGE,
  type Availability,
  type Channel,
  type DirectoryEntry,
  type DirectoryEntryCreateParsed,
  type DirectoryEntryUpdateParsed,
  type DirectoryFunction,
  type DirectoryListFilter,
  type DirectoryPage,
  type JurisdictionCode,
} from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { allowedActions, authorize } from '../../platform/policy/index.ts';
import type { FieldProblem } from '@veza/shared';
import { findUnitPlace } from '../organisation/index.ts';
import {
  findEntry,
  insertEntries,
  listEntries,
  updateEntry,
  type DirectoryEntryRow,
} from './directory.repository.ts';
import { confirmationDue, overdueBefore } from './directory.rules.ts';
import { searchKey } from './directory.search-key.ts';

export function signedIn(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx.actor;
}

const resourceOf = (row: Pick<DirectoryEntryRow, 'id' | 'jurisdictionCode'>) => ({
  type: 'directory_entry' as const,
  id: row.id,
  jurisdiction: row.jurisdictionCode as JurisdictionCode,
});

/** English first, then the other languages in the order given, each once. */
export function withRequestLanguage(languages: readonly string[]): string[] {
  return [...new Set([REQUEST_LANGUAGE, ...languages.map((l) => l.toLowerCase())])];
}

export function presentEntry(actor: Actor, row: DirectoryEntryRow, now: Date): DirectoryEntry {
  return {
    id: row.id,
    jurisdiction: row.jurisdictionCode as JurisdictionCode,
    function: row.function as DirectoryFunction,
    organisation: row.organisation,
    contactName: row.contactName,
    languages: withRequestLanguage(row.languages),
    availability: row.availability as Availability,
    channels: row.channels as Channel[],
    unitId: row.unitId,
    lastConfirmedAt: row.lastConfirmedAt.toISOString(),
    confirmationDueAt: confirmationDue(row.lastConfirmedAt).toISOString(),
    overdue: row.lastConfirmedAt < overdueBefore(now),
    updatedAt: row.updatedAt.toISOString(),
    allowed: allowedActions(actor, resourceOf(row)),
  };
}

/**
 * One audit entry per answer that shows contact names (staff names are personal data): which
 * entries, how many. Answers without a name are not logged: the rest of the directory is not
 * personal data.
 */
export async function auditNamesShown(
  q: Queryable,
  ctx: RequestContext,
  rows: readonly DirectoryEntryRow[],
  details: Record<string, unknown>,
): Promise<void> {
  const named = rows.filter((row) => row.contactName !== null);
  if (named.length === 0) return;
  await appendAudit(q, ctx, {
    operation: 'consultation',
    action: 'directory.view',
    recordType: 'directory_entry',
    ...(named.length === 1 && { recordId: (named[0] as DirectoryEntryRow).id }),
    outcome: 'allowed',
    details: { ...details, count: named.length, entryIds: named.map((row) => row.id) },
  });
}

export interface DirectorySearch {
  jurisdiction?: JurisdictionCode | undefined;
  function?: DirectoryFunction | undefined;
  language?: string | undefined;
  q?: string | undefined;
  overdueOnly?: boolean | undefined;
}

/**
 * One page of the entries a search finds, how many it finds in all and how many of those are
 * overdue: the three queries behind the list (and the benchmark). Neither authorises nor logs.
 */
export async function searchEntries(
  q: Queryable,
  search: DirectorySearch,
  page: { limit: number; offset: number },
  now: Date = new Date(),
): Promise<{ rows: DirectoryEntryRow[]; total: number; overdue: number }> {
  const query = {
    jurisdiction: search.jurisdiction,
    function: search.function,
    language: search.language,
    q: search.q,
    confirmedBefore: search.overdueOnly ? overdueBefore(now) : undefined,
  };
  return listEntries(q, query, page, overdueBefore(now));
}

/** The directory, filtered and searched; everyone signed in reads every jurisdiction's entries. */
export async function listDirectory(
  q: Queryable,
  ctx: RequestContext,
  filter: DirectoryListFilter,
  now: Date = new Date(),
): Promise<DirectoryPage> {
  const actor = signedIn(ctx);
  authorize(ctx, 'directory.view', {
    type: 'directory_entry',
    jurisdiction: filter.jurisdiction ?? actor.jurisdiction ?? JURISDICTIONS[0],
  });
  const { rows, total, overdue } = await searchEntries(
    q,
    { ...filter, overdueOnly: filter.overdue === 'true' },
    { limit: filter.limit, offset: filter.offset },
    now,
  );
  await auditNamesShown(q, ctx, rows, { listed: rows.length, total, searched: Boolean(filter.q) });
  return { items: rows.map((row) => presentEntry(actor, row, now)), total, overdue };
}

export async function getDirectoryEntry(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  now: Date = new Date(),
): Promise<DirectoryEntry> {
  const actor = signedIn(ctx);
  const row = await findEntry(q, id);
  if (!row) throw new AppError('not_found');
  authorize(ctx, 'directory.view', resourceOf(row));
  await auditNamesShown(q, ctx, [row], {});
  return presentEntry(actor, row, now);
}

function invalid(problems: FieldProblem[]): AppError {
  return new AppError('validation_failed', { fieldProblems: problems });
}

/**
 * Telephone numbers checked against the numbering plan (libphonenumber-js through packages/matching)
 * and written in E.164; a national form is read in the entry's country. A number that is not valid
 * is refused by field, never stored as typed.
 */
export function normaliseChannels(channels: readonly Channel[], jurisdiction: JurisdictionCode): Channel[] {
  const problems: FieldProblem[] = [];
  const normalised = channels.map((channel, i): Channel => {
    if (channel.kind === 'phone') {
      const phone = normalisePhone(channel.address, jurisdiction as CountryCode);
      if (phone?.valid) return { kind: 'phone', address: phone.e164 };
      problems.push({
        path: `channels.${i}.address`,
        code: 'invalid_phone_number',
        message: 'Not a valid telephone number',
      });
      return channel;
    }
    if (channel.kind === 'secure_email')
      return { kind: 'secure_email', address: channel.address.toLowerCase() };
    return channel;
  });
  if (problems.length > 0) throw invalid(problems);
  return normalised;
}

/** The Veza unit a contact point is must work in the entry's jurisdiction. */
async function checkUnit(q: Queryable, unitId: string | null, jurisdiction: JurisdictionCode): Promise<void> {
  if (unitId === null) return;
  const unit = await findUnitPlace(q, unitId);
  if (!unit) throw invalid([{ path: 'unitId', code: 'not_found', message: 'No such unit' }]);
  if (unit.jurisdiction !== jurisdiction)
    throw invalid([
      {
        path: 'unitId',
        code: 'unit_of_other_jurisdiction',
        message: 'The unit works in another jurisdiction',
      },
    ]);
}

function storedFields(input: DirectoryEntryUpdateParsed, jurisdiction: JurisdictionCode) {
  return {
    function: input.function,
    organisation: input.organisation,
    contactName: input.contactName,
    languages: withRequestLanguage(input.languages),
    availability: input.availability,
    channels: normaliseChannels(input.channels, jurisdiction),
    unitId: input.unitId,
    searchKey: searchKey(input.organisation, input.contactName),
  };
}

/** A new entry, kept by the creator's unit (reminded when it falls due), confirmed as of now. */
export async function createDirectoryEntry(
  q: Queryable,
  ctx: RequestContext,
  input: DirectoryEntryCreateParsed,
  now: Date = new Date(),
): Promise<DirectoryEntry> {
  const actor = signedIn(ctx);
  authorize(ctx, 'directory.manage', { type: 'directory_entry', jurisdiction: input.jurisdiction });
  const fields = storedFields(input, input.jurisdiction);
  await checkUnit(q, input.unitId, input.jurisdiction);
  const id = uuidv7();
  await insertEntries(q, [
    {
      id,
      jurisdictionCode: input.jurisdiction,
      ...fields,
      ownerUnitId: actor.unitId,
      lastConfirmedAt: now,
    },
  ]);
  await appendAudit(q, ctx, {
    operation: 'collection',
    action: 'directory.manage',
    recordType: 'directory_entry',
    recordId: id,
    outcome: 'allowed',
    details: { created: true, jurisdiction: input.jurisdiction, function: input.function },
  });
  const row = await findEntry(q, id);
  if (!row) throw new Error('directory entry vanished inside its transaction');
  return presentEntry(actor, row, now);
}

/** Replaces an entry's fields. A change by its keeper is a confirmation too: the entry is current. */
export async function changeDirectoryEntry(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  input: DirectoryEntryUpdateParsed,
  now: Date = new Date(),
): Promise<DirectoryEntry> {
  const actor = signedIn(ctx);
  const row = await findEntry(q, id);
  if (!row) throw new AppError('not_found');
  authorize(ctx, 'directory.manage', resourceOf(row));
  const fields = storedFields(input, row.jurisdictionCode as JurisdictionCode);
  await checkUnit(q, input.unitId, row.jurisdictionCode as JurisdictionCode);
  const changed = (Object.keys(fields) as (keyof typeof fields)[])
    .filter((key) => key !== 'searchKey' && JSON.stringify(fields[key]) !== JSON.stringify(row[key]))
    .sort();
  const updated = await updateEntry(q, id, { ...fields, lastConfirmedAt: now });
  if (!updated) throw new AppError('not_found');
  await appendAudit(q, ctx, {
    operation: 'alteration',
    action: 'directory.manage',
    recordType: 'directory_entry',
    recordId: id,
    outcome: 'allowed',
    details: { changed, confirmed: true },
  });
  return presentEntry(actor, updated, now);
}

/** The keeper says the entry is still right: its confirmation date becomes today. */
export async function confirmDirectoryEntry(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  now: Date = new Date(),
): Promise<DirectoryEntry> {
  const actor = signedIn(ctx);
  const row = await findEntry(q, id);
  if (!row) throw new AppError('not_found');
  authorize(ctx, 'directory.manage', resourceOf(row));
  const updated = await updateEntry(q, id, { lastConfirmedAt: now });
  if (!updated) throw new AppError('not_found');
  await appendAudit(q, ctx, {
    operation: 'alteration',
    action: 'directory.manage',
    recordType: 'directory_entry',
    recordId: id,
    outcome: 'allowed',
    details: { confirmed: true, previouslyConfirmedAt: row.lastConfirmedAt.toISOString() },
  });
  return presentEntry(actor, updated, now);
}
