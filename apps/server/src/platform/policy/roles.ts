import type { JurisdictionCode, Role } from '@veza/shared';
import type { Actor } from '../context.ts';
import type { JurisdictionScope } from './types.ts';

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}

/** A member of a regional or international body acts across all seven jurisdictions. */
export function isRegional(actor: Actor): boolean {
  return actor.jurisdiction === null;
}

/** Regional actors reach every jurisdiction; national actors only their own (never regional bodies). */
export function withinReach(actor: Actor, jurisdiction: JurisdictionCode | null): boolean {
  return isRegional(actor) || actor.jurisdiction === jurisdiction;
}

export function reachScope(actor: Actor): JurisdictionScope {
  return actor.jurisdiction === null
    ? { kind: 'all' }
    : { kind: 'jurisdictions', codes: [actor.jurisdiction] };
}

/**
 * Roles that make a member of a case team an operational member. A trainer never sees case or person
 * data, and administrators (sysadmin, dpo) do not gain case access by being listed on a team.
 */
export const OPERATIONAL_ROLES: readonly Role[] = [
  'officer',
  'analyst',
  'supervisor',
  'prosecutor',
  'judge',
  'ngo_caseworker',
  'national_coordinator',
];

/**
 * Roles that may sit on a case team. NGO caseworkers and national coordinators work with the people
 * referred to them (person policy), never with police case files.
 */
export const CASE_TEAM_ROLES: readonly Role[] = ['officer', 'analyst', 'supervisor', 'prosecutor', 'judge'];

/** Roles that may change a case and pass it on; a judge reads only. */
export const CASE_WORKER_ROLES: readonly Role[] = ['officer', 'analyst', 'supervisor', 'prosecutor'];
export const COURT_ROLES: readonly Role[] = ['prosecutor', 'judge'];
export const ADMIN_ROLES: readonly Role[] = ['sysadmin'];
export const OVERSIGHT_ROLES: readonly Role[] = ['dpo', 'sysadmin'];
