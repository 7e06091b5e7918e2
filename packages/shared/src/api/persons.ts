import { z } from 'zod';
import { Allowed, JurisdictionCodeSchema, Line, Pagination, Timestamp, Uuid, page } from './common.ts';
import { CountryCode, LanguageTag, UserRefSchema } from './screenings.ts';

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
