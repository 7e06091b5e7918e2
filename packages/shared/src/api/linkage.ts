import { z } from 'zod';
import { HANDLING_CODES } from '../roles.ts';
import { JurisdictionCodeSchema, Timestamp, Uuid } from './common.ts';
import { StatementSchema } from './entities.ts';

/**
 * Linkage across cases: suggestions an analyst confirms or rejects, canonical entities that join the
 * same person (phone, vehicle ...) across cases, hit/no-hit answers about cases the user may not see,
 * and the drugs-trafficking view.
 */

/** What kind of thing a match key describes; matching compares like with like. */
export const LINK_KINDS = [
  'person',
  'organisation',
  'phone',
  'vehicle',
  'account',
  'address',
  'document',
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const SuggestionParams = z.strictObject({ suggestionId: Uuid });
export const SuggestionDecisionSchema = z.strictObject({
  decision: z.enum(['confirmed', 'rejected']),
  note: z.string().trim().max(1000).optional(),
});
export type SuggestionDecision = z.infer<typeof SuggestionDecisionSchema>;

export const SuggestionOutcomeSchema = z.object({
  id: Uuid,
  status: z.enum(['pending', 'confirmed', 'rejected']),
  /** Set when confirmed: the entity both now point to. */
  canonicalId: Uuid.nullable(),
  decidedAt: Timestamp.nullable(),
});
export type SuggestionOutcome = z.infer<typeof SuggestionOutcomeSchema>;

/** One entity of a canonical entity, with its case and everything said about it there. */
export const CanonicalMemberSchema = z.object({
  entityId: Uuid,
  caseId: Uuid,
  caseReference: z.string(),
  schema: z.string(),
  caption: z.string(),
  canonical: z.boolean(),
  mergedAt: Timestamp.nullable(),
  statements: z.array(StatementSchema),
  /** The actor may take this entity out of the canonical entity again. */
  canSplit: z.boolean(),
});
export type CanonicalMember = z.infer<typeof CanonicalMemberSchema>;

export const CanonicalEntitySchema = z.object({
  canonicalId: Uuid,
  members: z.array(CanonicalMemberSchema),
});
export type CanonicalEntity = z.infer<typeof CanonicalEntitySchema>;

export const SplitResultSchema = z.object({ entityId: Uuid, canonicalId: Uuid.nullable() });
export type SplitResult = z.infer<typeof SplitResultSchema>;

export const HIT_STATUSES = ['notified', 'access_requested', 'granted', 'refused'] as const;
export type HitStatus = (typeof HIT_STATUSES)[number];

/**
 * A hit as its requester sees it: that a match exists, where (unit, jurisdiction, case reference)
 * and what kind of thing matched. Never a name, caption or statement of the other case.
 */
export const HitSchema = z.object({
  id: Uuid,
  /** The requester's own entity and case. */
  entityId: Uuid,
  entityCaption: z.string(),
  caseId: Uuid,
  caseReference: z.string(),
  kind: z.enum(LINK_KINDS),
  owningUnit: z.string(),
  owningJurisdiction: JurisdictionCodeSchema,
  otherCaseReference: z.string(),
  status: z.enum(HIT_STATUSES),
  requestReason: z.string().nullable(),
  createdAt: Timestamp,
  decidedAt: Timestamp.nullable(),
});
export type Hit = z.infer<typeof HitSchema>;

/** A hit on one of the owner's cases: who found it, from which unit, and why they ask. */
export const OwnedHitSchema = z.object({
  id: Uuid,
  caseId: Uuid,
  caseReference: z.string(),
  entityId: Uuid,
  entityCaption: z.string(),
  kind: z.enum(LINK_KINDS),
  requesterName: z.string(),
  requesterUnit: z.string(),
  requesterJurisdiction: JurisdictionCodeSchema.nullable(),
  status: z.enum(HIT_STATUSES),
  requestReason: z.string().nullable(),
  createdAt: Timestamp,
  decidedAt: Timestamp.nullable(),
  canDecide: z.boolean(),
});
export type OwnedHit = z.infer<typeof OwnedHitSchema>;

export const HitListsSchema = z.object({ mine: z.array(HitSchema), onMyCases: z.array(OwnedHitSchema) });
export type HitLists = z.infer<typeof HitListsSchema>;

export const HitParams = z.strictObject({ hitId: Uuid });
export const HitAccessRequestSchema = z.strictObject({ reason: z.string().trim().min(10).max(2000) });
export const HitDecisionSchema = z.strictObject({ decision: z.enum(['granted', 'refused']) });

/** What a granted hit discloses: the one matched entity and its statements, nothing else of the case. */
export const HitDetailsSchema = z.object({
  hitId: Uuid,
  otherCaseReference: z.string(),
  owningUnit: z.string(),
  schema: z.string(),
  caption: z.string(),
  handlingCode: z.enum(HANDLING_CODES),
  statements: z.array(StatementSchema),
});
export type HitDetails = z.infer<typeof HitDetailsSchema>;

/** One side of a drugs-trafficking link: a case and, when the actor may see it, the entity. */
export const LinkSideSchema = z.object({
  caseReference: z.string(),
  caseType: z.string(),
  unit: z.string(),
  jurisdiction: JurisdictionCodeSchema,
  /** Present only when the actor may see the case; otherwise the side is a hit. */
  caseId: Uuid.nullable(),
  entityId: Uuid.nullable(),
  caption: z.string().nullable(),
  hitId: Uuid.nullable(),
});
export type LinkSide = z.infer<typeof LinkSideSchema>;

export const DrugsLinkSchema = z.object({
  kind: z.enum(LINK_KINDS),
  /** The shared identifier, shown only when both sides are visible (a phone number, a plate). */
  value: z.string().nullable(),
  drugs: LinkSideSchema,
  trafficking: LinkSideSchema,
});
export type DrugsLink = z.infer<typeof DrugsLinkSchema>;
