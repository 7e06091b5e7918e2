import { z } from 'zod';
import { Line, Timestamp, Uuid } from './common.ts';
import { HandlingCodeSchema } from './cases.ts';

/** Europol 4x4: reliability of the source (A best, X cannot be assessed) and of the information (1 best). */
export const EVALUATION_SOURCES = ['A', 'B', 'C', 'X'] as const;
export type EvaluationSource = (typeof EVALUATION_SOURCES)[number];
export const EVALUATION_INFOS = [1, 2, 3, 4] as const;
/** LED art. 7: facts are kept apart from assessments. */
export const STATEMENT_KINDS = ['fact', 'assessment'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** FtM schema and property names: `Person`, `UsesPhone`; `birthDate`, `owner`. */
export const FtmSchemaName = z.string().regex(/^[A-Z][A-Za-z]{1,39}$/, 'an FtM schema name such as Person');
export const FtmPropertyName = z.string().regex(/^[a-z][A-Za-z]{0,39}$/, 'an FtM property such as birthDate');

export const EntityParams = z.strictObject({ caseId: Uuid, entityId: Uuid });
export const StatementParams = z.strictObject({ caseId: Uuid, entityId: Uuid, statementId: Uuid });

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
