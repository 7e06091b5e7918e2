import type { Queryable } from '@veza/db';
import type { Availability, Channel, DirectoryFunction, JurisdictionCode } from '@veza/shared';
import { entriesByFunction, findEntry, type DirectoryEntryRow } from './directory.repository.ts';
import { searchEntries, withRequestLanguage, type DirectorySearch } from './directory.service.ts';

/** A contact point as other modules use it (the requests module addresses its SPOC by it). */
export interface ContactPoint {
  id: string;
  jurisdiction: JurisdictionCode;
  function: DirectoryFunction;
  organisation: string;
  /** Personal data: a module that shows it authorises and logs that itself. */
  contactName: string | null;
  languages: string[];
  availability: Availability;
  channels: Channel[];
  unitId: string | null;
  ownerUnitId: string;
  lastConfirmedAt: Date;
}

function toContactPoint(row: DirectoryEntryRow): ContactPoint {
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
    ownerUnitId: row.ownerUnitId,
    lastConfirmedAt: row.lastConfirmedAt,
  };
}

/**
 * The contact points of a jurisdiction with the given functions (all functions when none are
 * named), in function then organisation order. Like the other modules' readers it neither
 * authorises nor logs: the calling use case does.
 */
export async function contactPointsOf(
  q: Queryable,
  jurisdiction: JurisdictionCode,
  functions: readonly DirectoryFunction[],
): Promise<ContactPoint[]> {
  return (await entriesByFunction(q, jurisdiction, functions)).map(toContactPoint);
}

/** One contact point by id, or null. */
export async function findContactPoint(q: Queryable, id: string): Promise<ContactPoint | null> {
  const row = await findEntry(q, id);
  return row ? toContactPoint(row) : null;
}

/**
 * The directory's search as the list answers it (any script, filters, the overdue count), for other
 * modules and the benchmark. Neither authorises nor logs: the caller does.
 */
export async function searchContactPoints(
  q: Queryable,
  search: DirectorySearch,
  page: { limit: number; offset: number } = { limit: 50, offset: 0 },
  now: Date = new Date(),
): Promise<{ points: ContactPoint[]; total: number; overdue: number }> {
  const { rows, total, overdue } = await searchEntries(q, search, page, now);
  return { points: rows.map(toContactPoint), total, overdue };
}
