import { z } from 'zod';
import { Allowed, JurisdictionCodeSchema, Line, Pagination, Timestamp, Uuid } from './common.ts';

/** Services of the referral directory (DOMAIN.md "Referral"). */
export const PROVIDER_SERVICES = [
  'shelter',
  'medical',
  'psychological',
  'legal_aid',
  'interpreter',
  'drug_treatment',
  'assisted_return',
  'guardianship',
] as const;
export type ProviderService = (typeof PROVIDER_SERVICES)[number];

/** The five standard procedures of the Transnational Referral Mechanism for South-East Europe (ICMPD). */
export const TRM_PROCEDURES = [
  'identification',
  'first_assistance',
  'long_term_assistance',
  'return_inclusion',
  'proceedings',
] as const;
export type TrmProcedure = (typeof TRM_PROCEDURES)[number];

export const REFERRAL_STATUSES = [
  'proposed',
  'sent',
  'accepted',
  'declined',
  'in_service',
  'closed',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_KINDS = ['national', 'transnational'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

/** Parts of a person's record consent may let go to a recipient. */
export const CONSENT_SCOPE_PARTS = ['identity', 'contact', 'screening', 'narrative', 'health'] as const;

export const REFERRAL_EVENT_TYPES = [
  'proposed',
  'sent',
  'accepted',
  'declined',
  'service_started',
  'closed',
  'acknowledged',
  'reminder',
  'note',
] as const;
export type ReferralEventType = (typeof REFERRAL_EVENT_TYPES)[number];

/** Days of the recovery and reflection period: CETS 197 art. 13 asks for at least 30. */
export const MIN_REFLECTION_DAYS = 30;

const LanguageCode = z
  .string()
  .trim()
  .min(2)
  .max(10)
  .regex(/^[a-zA-Z]{2,3}(-[A-Za-z]{2,4})?$/);

export const ProviderSchema = z.object({
  id: Uuid,
  jurisdiction: JurisdictionCodeSchema,
  agencyId: Uuid.nullable(),
  name: z.string(),
  services: z.array(z.enum(PROVIDER_SERVICES)),
  capacity: z.number().int().nullable(),
  available: z.number().int().nullable(),
  languages: z.array(z.string()),
  openingHours: z.string(),
  open24h: z.boolean(),
  acceptsChildren: z.boolean(),
  city: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
  allowed: Allowed,
});
export type Provider = z.infer<typeof ProviderSchema>;

const BoolQuery = z.enum(['true', 'false']).optional();

export const ProviderListQuery = z.strictObject({
  jurisdiction: JurisdictionCodeSchema.optional(),
  service: z.enum(PROVIDER_SERVICES).optional(),
  open24h: BoolQuery,
  language: LanguageCode.optional(),
  children: BoolQuery,
  /** Inactive providers are listed only to those who may edit them, and only when asked. */
  includeInactive: BoolQuery,
});
export type ProviderListFilter = z.infer<typeof ProviderListQuery>;

const ProviderFields = {
  agencyId: Uuid.nullable(),
  name: Line(200),
  services: z.array(z.enum(PROVIDER_SERVICES)).min(1).max(PROVIDER_SERVICES.length),
  capacity: z.number().int().min(0).max(100_000).nullable(),
  available: z.number().int().min(0).max(100_000).nullable(),
  languages: z.array(LanguageCode).max(20),
  openingHours: Line(200),
  open24h: z.boolean(),
  acceptsChildren: z.boolean(),
  city: Line(100),
  phone: z.string().trim().max(40).nullable(),
  email: z.email().max(254).nullable(),
  active: z.boolean(),
};

export const ProviderCreateSchema = z.strictObject({
  jurisdiction: JurisdictionCodeSchema,
  ...ProviderFields,
  agencyId: ProviderFields.agencyId.optional().default(null),
  capacity: ProviderFields.capacity.optional().default(null),
  available: ProviderFields.available.optional().default(null),
  languages: ProviderFields.languages.optional().default([]),
  open24h: ProviderFields.open24h.optional().default(false),
  acceptsChildren: ProviderFields.acceptsChildren.optional().default(false),
  phone: ProviderFields.phone.optional().default(null),
  email: ProviderFields.email.optional().default(null),
  active: ProviderFields.active.optional().default(true),
});
export type ProviderCreate = z.infer<typeof ProviderCreateSchema>;

export const ProviderUpdateSchema = z.strictObject(ProviderFields).partial();
export type ProviderUpdate = z.infer<typeof ProviderUpdateSchema>;

export const ReferralCreateSchema = z.strictObject({
  personId: Uuid,
  screeningId: Uuid.optional(),
  kind: z.enum(REFERRAL_KINDS),
  service: z.enum(PROVIDER_SERVICES),
  /** National referral: the provider. */
  providerId: Uuid.optional(),
  /** Transnational referral: the receiving jurisdiction and the TRM-SEE procedure. */
  toJurisdiction: JurisdictionCodeSchema.optional(),
  procedure: z.enum(TRM_PROCEDURES).optional(),
  urgent: z.boolean().optional().default(false),
  message: z.string().trim().max(4000).optional(),
  reflectionDays: z.number().int().min(MIN_REFLECTION_DAYS).max(365).optional().default(MIN_REFLECTION_DAYS),
  /** Send at once instead of keeping the referral as a proposal. */
  send: z.boolean().optional().default(false),
});
export type ReferralCreate = z.input<typeof ReferralCreateSchema>;

export const ReferralTransitionSchema = z.strictObject({
  to: z.enum(['sent', 'accepted', 'declined', 'in_service', 'closed']),
  reason: z.string().trim().max(1000).optional(),
});
export type ReferralTransition = z.infer<typeof ReferralTransitionSchema>;

export const ReferralListQuery = z.strictObject({
  status: z.enum(REFERRAL_STATUSES).optional(),
  /** incoming: sent to my organisation or jurisdiction; outgoing: sent by my unit or jurisdiction. */
  direction: z.enum(['incoming', 'outgoing']).optional(),
  personId: Uuid.optional(),
  ...Pagination,
});
export type ReferralListFilter = z.infer<typeof ReferralListQuery>;

export const ReferralConsentQuery = z.strictObject({
  personId: Uuid,
  kind: z.enum(REFERRAL_KINDS),
  providerId: Uuid.optional(),
  toJurisdiction: JurisdictionCodeSchema.optional(),
});

/** What the person's consent in force lets go to that recipient; null: no consent, nothing may be sent. */
export const ReferralConsentSchema = z.object({
  purpose: z.string(),
  recipient: z.string().nullable(),
  scope: z.array(z.string()).nullable(),
});
export type ReferralConsent = z.infer<typeof ReferralConsentSchema>;

const ActorRef = z.object({ id: Uuid, displayName: z.string() });

export const ReferralEventSchema = z.object({
  type: z.enum(REFERRAL_EVENT_TYPES),
  fromStatus: z.enum(REFERRAL_STATUSES).nullable(),
  toStatus: z.enum(REFERRAL_STATUSES).nullable(),
  note: z.string().nullable(),
  actor: ActorRef.nullable(),
  at: Timestamp,
});
export type ReferralEvent = z.infer<typeof ReferralEventSchema>;

export const ReferralPersonSchema = z.object({
  id: Uuid,
  reference: z.string(),
  ageGroup: z.string(),
  sex: z.string(),
  nationality: z.string().nullable(),
});

export const ReferralSummarySchema = z.object({
  id: Uuid,
  reference: z.string(),
  kind: z.enum(REFERRAL_KINDS),
  service: z.enum(PROVIDER_SERVICES),
  status: z.enum(REFERRAL_STATUSES),
  urgent: z.boolean(),
  person: ReferralPersonSchema,
  provider: z.object({ id: Uuid, name: z.string(), city: z.string() }).nullable(),
  fromJurisdiction: JurisdictionCodeSchema,
  toJurisdiction: JurisdictionCodeSchema.nullable(),
  procedure: z.enum(TRM_PROCEDURES).nullable(),
  sharedScope: z.array(z.string()),
  reflection: z.object({ startsAt: Timestamp, endsAt: Timestamp, daysLeft: z.number().int() }).nullable(),
  acknowledgeBy: Timestamp.nullable(),
  acknowledgedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  allowed: Allowed,
});
export type ReferralSummary = z.infer<typeof ReferralSummarySchema>;

export const ReferralSchema = ReferralSummarySchema.extend({
  screeningId: Uuid.nullable(),
  fromUnitId: Uuid,
  declineReason: z.string().nullable(),
  closeReason: z.string().nullable(),
  message: z.string().nullable(),
  createdBy: ActorRef,
  timeline: z.array(ReferralEventSchema),
  /** Only through GET /api/referrals/:id/identity, with a justification, and only what sharedScope carries. */
  identity: z.record(z.string(), z.unknown()).optional(),
});
export type Referral = z.infer<typeof ReferralSchema>;

export const ReferralPageSchema = z.object({
  items: z.array(ReferralSummarySchema),
  total: z.number().int(),
});
export type ReferralPage = z.infer<typeof ReferralPageSchema>;

export const ReferralIdentitySchema = z.object({
  /** The parts of the identity the referral's sharedScope carries ('identity': names and dates; 'contact'). */
  identity: z.record(z.string(), z.unknown()),
  sharedScope: z.array(z.string()),
});
export type ReferralIdentity = z.infer<typeof ReferralIdentitySchema>;

export const ReminderRunSchema = z.object({
  reflectionEnding: z.number().int(),
  acknowledgementOverdue: z.number().int(),
});
export type ReminderRun = z.infer<typeof ReminderRunSchema>;
