import { z } from 'zod';
import { Allowed, JurisdictionCodeSchema, Line, Pagination, Timestamp, Uuid, page } from './common.ts';
import {
  IndicatorId,
  InstrumentId,
  SCREENING_ANSWERS,
  SCREENING_OUTCOMES,
  SCREENING_RULES,
  SCREENING_STAGES,
} from './screening.ts';

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

/** LED art. 6: the category of the data subject. */
export const PERSON_CATEGORIES = ['presumed_victim', 'victim', 'witness', 'suspect'] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];
/** LED art. 7: is the category an established fact or somebody's assessment? */
export const CATEGORY_KINDS = ['fact', 'assessment'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];
/** Unknown is treated as a child. */
export const PERSON_AGE_GROUPS = ['child', 'adult', 'unknown'] as const;
export type PersonAgeGroup = (typeof PERSON_AGE_GROUPS)[number];

export const CONSENT_PURPOSES = [
  'referral',
  'transnational_referral',
  'data_sharing',
  'assisted_return',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const CONSENT_STATUSES = ['granted', 'revoked'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
/** The parts of a person's record a recipient may receive. */
export const CONSENT_SCOPES = ['identity', 'contact', 'screening', 'narrative', 'health'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export const CONSENT_GIVERS = ['person', 'guardian'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

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

export const GuardianSchema = z.strictObject({
  name: Line(200),
  /** Appointed guardian, parent, social worker ... */
  relation: Line(100),
  contact: Line(200).optional(),
});

/** Everything that identifies the person: encrypted at rest, shown only with a justification. */
export const IdentitySchema = z.strictObject({
  givenName: Line(100),
  familyName: Line(100),
  birthDate: z.iso.date().optional(),
  placeOfBirth: Line(200).optional(),
  documentNumber: Line(50).optional(),
  phone: Line(50).optional(),
  address: Line(300).optional(),
  guardian: GuardianSchema.optional(),
});
export type Identity = z.infer<typeof IdentitySchema>;

export const PersonCreateSchema = z.strictObject({
  category: z.enum(PERSON_CATEGORIES),
  categoryKind: z.enum(CATEGORY_KINDS),
  sex: z.enum(SEXES),
  ageGroup: z.enum(PERSON_AGE_GROUPS),
  nationality: CountryCode.optional(),
  preferredLanguage: LanguageTag.optional(),
  identity: IdentitySchema,
  guardianAppointed: z.boolean().optional(),
  /** A screening of the same unit to link the new person to. */
  screeningId: Uuid.optional(),
});
export type PersonCreate = z.infer<typeof PersonCreateSchema>;

/** A person as everyone who may see it sees it: the pseudonymous reference, never the identity. */
export const PersonSchema = z.object({
  id: Uuid,
  /** `P-RS-7K3QX9` */
  reference: z.string(),
  jurisdiction: JurisdictionCodeSchema,
  unitId: Uuid,
  category: z.enum(PERSON_CATEGORIES),
  categoryKind: z.enum(CATEGORY_KINDS),
  sex: z.enum(SEXES),
  ageGroup: z.enum(PERSON_AGE_GROUPS),
  nationality: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  guardianAppointed: z.boolean(),
  reviewDueAt: Timestamp,
  retainUntil: Timestamp,
  createdAt: Timestamp,
  allowed: Allowed,
});
export type Person = z.infer<typeof PersonSchema>;

export const PersonListQuery = z.strictObject({ ...Pagination });
export const PersonPageSchema = page(PersonSchema);
export type PersonPage = z.infer<typeof PersonPageSchema>;

export const PersonIdentitySchema = z.object({ identity: IdentitySchema });
export type PersonIdentity = z.infer<typeof PersonIdentitySchema>;

/** `any`, `provider:<uuid>` or `jurisdiction:<code>`. */
export const ConsentRecipient = z.union([
  z.literal('any'),
  z
    .string()
    .regex(/^provider:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'provider:<id>'),
  z.string().regex(/^jurisdiction:(AL|BA|HR|XK|ME|MK|RS)$/, 'jurisdiction:<code>'),
]);

export const ConsentCreateSchema = z
  .strictObject({
    purpose: z.enum(CONSENT_PURPOSES),
    recipient: ConsentRecipient,
    status: z.enum(CONSENT_STATUSES),
    scope: z
      .array(z.enum(CONSENT_SCOPES))
      .max(CONSENT_SCOPES.length)
      .refine((scope) => new Set(scope).size === scope.length, 'Each part once'),
    givenBy: z.enum(CONSENT_GIVERS),
  })
  .superRefine((consent, ctx) => {
    if (consent.status === 'granted' && consent.scope.length === 0) {
      ctx.addIssue({
        code: 'too_small',
        origin: 'array',
        minimum: 1,
        inclusive: true,
        path: ['scope'],
        message: 'A consent names at least one part of the record',
      });
    }
  });
export type ConsentCreate = z.infer<typeof ConsentCreateSchema>;

export const ConsentSchema = z.object({
  id: Uuid,
  purpose: z.enum(CONSENT_PURPOSES),
  recipient: z.string(),
  version: z.number().int(),
  status: z.enum(CONSENT_STATUSES),
  scope: z.array(z.enum(CONSENT_SCOPES)),
  givenBy: z.enum(CONSENT_GIVERS),
  recordedAt: Timestamp,
  recordedBy: UserRefSchema,
});
export type Consent = z.infer<typeof ConsentSchema>;
