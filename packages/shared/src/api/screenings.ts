import { z } from 'zod';
import { Allowed, JurisdictionCodeSchema, Line, Pagination, Timestamp, Uuid, page } from './common.ts';
import {
  IndicatorId,
  InstrumentId,
  SCREENING_ANSWERS,
  SCREENING_OUTCOMES,
  SCREENING_RULES,
  SCREENING_STAGES,
} from './indicators.ts';

/** Where a screening took place. */
export const SCREENING_SETTINGS = [
  'border_crossing',
  'raid',
  'street_patrol',
  'shelter',
  'police_station',
  'other',
] as const;
export type ScreeningSetting = (typeof SCREENING_SETTINGS)[number];

/** A language of the interview or of the interpreter: a UI locale or an ISO 639 code ('ro', 'rom', 'uk'). */
export const LanguageTag = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language code such as sq, sr-Cyrl or rom');

/** ISO 3166-1 alpha-2 (XK for Kosovo*). */
export const CountryCode = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/, 'a two-letter country code such as RS or XK');

const ScreeningAnswers = z
  .record(IndicatorId, z.enum(SCREENING_ANSWERS))
  .refine((answers) => Object.keys(answers).length <= 200, 'At most 200 answers');

/** The person's own words and the officer's notes: special-category data, stored encrypted. */
const Narrative = z.string().trim().max(20_000);

export const ScreeningCreateSchema = z.strictObject({
  /** Made by the device: the same clientId again returns the stored screening. */
  clientId: Uuid,
  instrumentId: InstrumentId,
  /** The latest published version when absent. */
  version: z.number().int().min(1).optional(),
  stage: z.enum(SCREENING_STAGES),
  /** The rapid screen this full interview follows. */
  parentId: Uuid.optional(),
  personId: Uuid.optional(),
  occurredAt: Timestamp,
  setting: z.enum(SCREENING_SETTINGS),
  place: Line(200),
  interviewLanguage: LanguageTag,
  interpreterLanguage: LanguageTag.nullable().optional(),
  narrative: Narrative.nullable().optional(),
  age: z.number().int().min(0).max(130).optional(),
  ageInDoubt: z.boolean().optional(),
  answers: ScreeningAnswers,
});
export type ScreeningCreate = z.infer<typeof ScreeningCreateSchema>;

/** The fields a PUT may change; answers are changed one indicator at a time (`answers.<id>`). */
export const SCREENING_EDITABLE_FIELDS = [
  'personId',
  'place',
  'setting',
  'occurredAt',
  'interviewLanguage',
  'interpreterLanguage',
  'narrative',
  'age',
  'ageInDoubt',
] as const;
export type ScreeningEditableField = (typeof SCREENING_EDITABLE_FIELDS)[number];

/** Each changeable field with its schema; `answers.<indicatorId>` is checked separately. */
export const SCREENING_FIELD_SCHEMAS = {
  personId: Uuid.nullable(),
  place: Line(200),
  setting: z.enum(SCREENING_SETTINGS),
  occurredAt: Timestamp,
  interviewLanguage: LanguageTag,
  interpreterLanguage: LanguageTag.nullable(),
  narrative: Narrative.nullable(),
  age: z.number().int().min(0).max(130).nullable(),
  ageInDoubt: z.boolean(),
} as const satisfies Record<ScreeningEditableField, z.ZodType>;

export const ScreeningUpdateSchema = z.strictObject({
  /** The revision the device last saw; fields changed after it by someone else are a conflict. */
  baseRevision: z.number().int().min(1),
  changes: z
    .record(z.string().max(120), z.unknown())
    .refine((changes) => Object.keys(changes).length > 0, 'Nothing to change')
    .refine((changes) => Object.keys(changes).length <= 250, 'Too many changes'),
});
export type ScreeningUpdate = z.infer<typeof ScreeningUpdateSchema>;

export const SyncConflictSchema = z.object({
  field: z.string(),
  yours: z.unknown(),
  theirs: z.unknown(),
});
export type SyncConflict = z.infer<typeof SyncConflictSchema>;

export const UserRefSchema = z.object({ id: Uuid, displayName: z.string() });

export const ScreeningSchema = z.object({
  id: Uuid,
  clientId: Uuid,
  /** `S-RS-000123` */
  reference: z.string(),
  personId: Uuid.nullable(),
  /** The person's pseudonymous reference, when linked. */
  personReference: z.string().nullable(),
  parentId: Uuid.nullable(),
  instrumentId: InstrumentId,
  instrumentVersion: z.number().int(),
  stage: z.enum(SCREENING_STAGES),
  jurisdiction: JurisdictionCodeSchema,
  unitId: Uuid,
  screenedBy: UserRefSchema,
  occurredAt: Timestamp,
  setting: z.enum(SCREENING_SETTINGS),
  place: z.string(),
  interviewLanguage: z.string(),
  interpreterLanguage: z.string().nullable(),
  /** Decrypted for a single screening read by someone allowed; null in lists. */
  narrative: z.string().nullable(),
  age: z.number().int().nullable(),
  ageInDoubt: z.boolean(),
  answers: z.record(z.string(), z.enum(SCREENING_ANSWERS)),
  outcome: z.enum(SCREENING_OUTCOMES),
  rule: z.enum(SCREENING_RULES),
  reasons: z.array(z.string()),
  childRule: z.boolean(),
  nonPunishmentAlert: z.boolean(),
  nonPunishmentReasons: z.array(z.string()),
  exploitationTypes: z.array(z.string()),
  revision: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  allowed: Allowed,
});
export type Screening = z.infer<typeof ScreeningSchema>;

export const ScreeningListQuery = z.strictObject({ ...Pagination });
export const ScreeningPageSchema = page(ScreeningSchema);
export type ScreeningPage = z.infer<typeof ScreeningPageSchema>;
