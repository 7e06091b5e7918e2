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

/** Europol 4x4: reliability of the source (A best, X cannot be assessed) and of the information (1 best). */
export const EVALUATION_SOURCES = ['A', 'B', 'C', 'X'] as const;
export type EvaluationSource = (typeof EVALUATION_SOURCES)[number];
export const EVALUATION_INFOS = [1, 2, 3, 4] as const;
/** LED art. 7: facts are kept apart from assessments. */
export const STATEMENT_KINDS = ['fact', 'assessment'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

export const HandlingCodeSchema = z.enum(HANDLING_CODES);
/** FtM schema and property names: `Person`, `UsesPhone`; `birthDate`, `owner`. */
export const FtmSchemaName = z.string().regex(/^[A-Z][A-Za-z]{1,39}$/, 'an FtM schema name such as Person');
export const FtmPropertyName = z.string().regex(/^[a-z][A-Za-z]{0,39}$/, 'an FtM property such as birthDate');

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
export const EntityParams = z.strictObject({ caseId: Uuid, entityId: Uuid });
export const StatementParams = z.strictObject({ caseId: Uuid, entityId: Uuid, statementId: Uuid });

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

/** What is said, where it comes from, and how far to trust it. */
export const StatementInputSchema = z.strictObject({
  property: FtmPropertyName,
  value: Line(2000),
  source: Line(500),
  evaluationSource: z.enum(EVALUATION_SOURCES),
  evaluationInfo: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  handlingCode: HandlingCodeSchema,
  kind: z.enum(STATEMENT_KINDS),
});
export type StatementInput = z.infer<typeof StatementInputSchema>;

/** A correction names nothing of the entity: it replaces the value of the statement it corrects. */
export const StatementCorrectionSchema = StatementInputSchema.omit({ property: true });
export type StatementCorrection = z.infer<typeof StatementCorrectionSchema>;

export const StatementSchema = z.object({
  id: Uuid,
  entityId: Uuid,
  property: z.string(),
  value: z.string(),
  source: z.string(),
  evaluationSource: z.enum(EVALUATION_SOURCES),
  evaluationInfo: z.number().int().min(1).max(4),
  handlingCode: HandlingCodeSchema,
  kind: z.enum(STATEMENT_KINDS),
  recordedBy: Uuid,
  recordedAt: Timestamp,
  supersededBy: Uuid.nullable(),
});
export type Statement = z.infer<typeof StatementSchema>;

export const EntityCreateSchema = z.strictObject({
  schema: FtmSchemaName,
  caption: Line(300),
  statements: z.array(StatementInputSchema).max(500).default([]),
});
export type EntityCreate = z.infer<typeof EntityCreateSchema>;

export const EntitySummarySchema = z.object({
  id: Uuid,
  caseId: Uuid,
  schema: z.string(),
  caption: z.string(),
  canonicalId: Uuid.nullable(),
  createdAt: Timestamp,
  /**
   * A relationship entity's ends, entities of the same case, so that lists can name it by what it
   * links ("Dragan Nikolić → +381 64 123 4567") in the reader's language rather than by its stored
   * caption. In the case's entity list only; several values of an end give several ids.
   */
  ends: z.object({ source: z.array(Uuid), target: z.array(Uuid) }).optional(),
  /**
   * True when the caption names a person (a Person, a relationship) and the reader may see the case
   * but not who its persons are (a supervisor by rank): the caption is then empty.
   */
  withheld: z.boolean().optional(),
});
export type EntitySummary = z.infer<typeof EntitySummarySchema>;

export const MatchSuggestionSchema = z.object({
  id: Uuid,
  entityId: Uuid,
  otherEntityId: Uuid,
  otherCaseId: Uuid,
  otherCaption: z.string(),
  /** 0 to 1, three decimals. */
  score: z.number(),
  explanation: z.record(z.string(), z.unknown()),
  status: z.enum(['pending', 'confirmed', 'rejected']),
});
export type MatchSuggestion = z.infer<typeof MatchSuggestionSchema>;

/** An entity with its current statements; `history` adds the superseded ones, oldest first. */
export const EntitySchema = EntitySummarySchema.extend({
  statements: z.array(StatementSchema),
  suggestions: z.array(MatchSuggestionSchema),
});
export type Entity = z.infer<typeof EntitySchema>;

export const EntityHistorySchema = z.object({ entityId: Uuid, statements: z.array(StatementSchema) });
export type EntityHistory = z.infer<typeof EntityHistorySchema>;
