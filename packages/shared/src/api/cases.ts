import { z } from 'zod';
import { HANDLING_CODES } from '../roles.ts';
import { Allowed, JurisdictionCodeSchema, Line, Timestamp, Uuid } from './common.ts';

export const CASE_TYPES = ['trafficking', 'migrant_smuggling', 'drug_trafficking', 'mixed', 'other'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const CASE_STATUSES = ['open', 'suspended', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_MEMBER_ROLES = ['owner', 'member'] as const;
export type CaseMemberRole = (typeof CASE_MEMBER_ROLES)[number];
export const JOIN_REQUEST_STATUSES = ['pending', 'granted', 'refused'] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];

export const HandlingCodeSchema = z.enum(HANDLING_CODES);
const Text = (max: number) => z.string().trim().max(max);

export const CaseCreateSchema = z.strictObject({
  title: Line(200),
  type: z.enum(CASE_TYPES),
  handlingCode: HandlingCodeSchema,
  legalBasis: Text(1000).optional(),
  prosecutorId: Uuid.nullable().optional(),
  notes: Text(10_000).optional(),
});
export type CaseCreate = z.infer<typeof CaseCreateSchema>;

export const CaseUpdateSchema = z.strictObject({
  title: Line(200).optional(),
  type: z.enum(CASE_TYPES).optional(),
  handlingCode: HandlingCodeSchema.optional(),
  status: z.enum(CASE_STATUSES).optional(),
  legalBasis: Text(1000).nullable().optional(),
  prosecutorId: Uuid.nullable().optional(),
  notes: Text(10_000).nullable().optional(),
});
export type CaseUpdate = z.infer<typeof CaseUpdateSchema>;

export const CaseMemberSchema = z.object({
  userId: Uuid,
  displayName: z.string(),
  role: z.enum(CASE_MEMBER_ROLES),
  addedAt: Timestamp,
});
export type CaseMember = z.infer<typeof CaseMemberSchema>;

export const CaseSchema = z.object({
  id: Uuid,
  reference: z.string(),
  title: z.string(),
  type: z.enum(CASE_TYPES),
  jurisdiction: JurisdictionCodeSchema,
  owningUnitId: Uuid,
  handlingCode: HandlingCodeSchema,
  status: z.enum(CASE_STATUSES),
  legalBasis: z.string().nullable(),
  prosecutorId: Uuid.nullable(),
  notes: z.string().nullable(),
  members: z.array(CaseMemberSchema),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  allowed: Allowed,
});
export type Case = z.infer<typeof CaseSchema>;

export const CaseListQuery = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  title: Line(200).optional(),
});

export const CaseParams = z.strictObject({ caseId: Uuid });
export const CaseMemberParams = z.strictObject({ caseId: Uuid, userId: Uuid });
export const JoinRequestParams = z.strictObject({ caseId: Uuid, requestId: Uuid });

export const CaseMemberAddSchema = z.strictObject({
  userId: Uuid,
  role: z.enum(CASE_MEMBER_ROLES).default('member'),
});

export const JoinRequestCreateSchema = z.strictObject({ reason: Line(1000) });
export const JoinRequestDecisionSchema = z.strictObject({ decision: z.enum(['granted', 'refused']) });
export const JoinRequestSchema = z.object({
  id: Uuid,
  caseId: Uuid,
  userId: Uuid,
  /** Who asks and from which unit, for the owner deciding; null where the answer goes to the requester. */
  requesterName: z.string().nullable(),
  requesterUnit: z.string().nullable(),
  reason: z.string(),
  status: z.enum(JOIN_REQUEST_STATUSES),
  createdAt: Timestamp,
  decidedBy: Uuid.nullable(),
  decidedAt: Timestamp.nullable(),
});
export type JoinRequest = z.infer<typeof JoinRequestSchema>;
