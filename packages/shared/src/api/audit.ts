import { z } from 'zod';
import type { Action } from '../actions.ts';
import { JurisdictionCodeSchema, Pagination, Timestamp, Uuid } from './common.ts';

/** Operations logged under the EU Law Enforcement Directive art. 25, plus access events. */
export const AUDIT_OPERATIONS = [
  'collection',
  'alteration',
  'consultation',
  'disclosure',
  'combination',
  'erasure',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'denial',
] as const;
export type AuditOperation = (typeof AUDIT_OPERATIONS)[number];

/**
 * What is written in an audit entry's `action` besides the policy actions (ACTIONS): the events of
 * signing in and administration. Kept here so the web app can translate every one of them.
 */
export const AUDIT_EVENTS = [
  'auth.sign_in',
  'auth.sign_out',
  'auth.sign_out_everywhere',
  'organisation.agency.create',
  'organisation.agency.update',
  'organisation.unit.create',
  'organisation.unit.update',
  'setup.demo_seed',
  'setup.first_administrator',
  'user.create',
  'user.update',
  'user.password.reset',
  'user.password.change',
  'user.sessions.revoke',
  'user.totp.reset',
  'user.totp.enable',
  'user.totp.disable',
  // Printed documents: a copy of personal data leaves the system on paper.
  'document.screening_summary',
  'document.referral_form',
] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];
/** Anything an audit entry may name as its action. */
export type AuditedAction = Action | AuditEvent;

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: Timestamp,
  operation: z.enum(AUDIT_OPERATIONS),
  action: z.string(),
  actorId: Uuid.nullable(),
  actorEmail: z.string().nullable(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  /** The person the record is about, when it is about a person (a user, a victim, a suspect). */
  subjectId: z.string().nullable(),
  subjectLabel: z.string().nullable(),
  justification: z.string().nullable(),
  recipients: z.array(z.string()).nullable(),
  ip: z.string().nullable(),
  actorJurisdiction: JurisdictionCodeSchema.nullable(),
  outcome: z.enum(['allowed', 'denied', 'failed']),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditSearchQuery = z.strictObject({
  /** Free text over the subject (person) label and id. */
  person: z.string().trim().max(200).optional(),
  recordId: z.string().trim().max(200).optional(),
  actorId: Uuid.optional(),
  actor: z.string().trim().max(254).optional(),
  operation: z.enum(AUDIT_OPERATIONS).optional(),
  jurisdiction: JurisdictionCodeSchema.optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  ...Pagination,
});
export type AuditSearch = z.infer<typeof AuditSearchQuery>;

export const AuditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});
