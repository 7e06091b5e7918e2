import type { Action, HandlingCode, JurisdictionCode } from '@veza/shared';
import type { Actor } from '../context.ts';

/** What an action is taken on: enough of the record to decide, loaded before the decision. */
export type Resource =
  /** An agency, a unit, or the organisation of a jurisdiction (null: regional bodies). */
  | { type: 'organisation'; jurisdiction: JurisdictionCode | null; agencyId?: string }
  | { type: 'user'; userId: string; jurisdiction: JurisdictionCode | null; agencyId: string; unitId: string }
  /** The audit trail of a jurisdiction (null: the regional trail). */
  | { type: 'audit'; jurisdiction: JurisdictionCode | null }
  | {
      type: 'case';
      id: string;
      jurisdiction: JurisdictionCode;
      agencyId: string;
      unitId: string;
      teamUserIds: readonly string[];
      /** The team members who manage the team; absent where only reading matters. */
      ownerUserIds?: readonly string[];
      handlingCode: HandlingCode;
    }
  | {
      type: 'person';
      id: string;
      jurisdiction: JurisdictionCode;
      unitId: string;
      caseTeamUserIds: readonly string[];
      referredToAgencyIds: readonly string[];
    }
  /** A screening instrument (`veza.full` ...); absent id: the library as a whole. */
  | { type: 'instrument'; instrumentId?: string }
  /** A stored screening: its unit's officers and its jurisdiction's coordinators (victim.policy.ts). */
  | { type: 'screening'; id: string; jurisdiction: JurisdictionCode; unitId: string }
  /**
   * A person of victim identification and referral (the persons table): the recording unit, the
   * jurisdiction's coordinators, and whoever the person was referred to, for the parts shared.
   */
  | {
      type: 'victim';
      id: string;
      jurisdiction: JurisdictionCode;
      unitId: string;
      /** Referrals with status sent or later: to an NGO's provider (agencyId) or another jurisdiction. */
      referrals: readonly VictimReferralAccess[];
    }
  /** A service provider of the referral directory (not personal data). */
  | { type: 'provider'; id?: string; jurisdiction: JurisdictionCode }
  /**
   * A referral of a person: who sent it (unit, jurisdiction) and who receives it (the provider's
   * agency, or another jurisdiction's coordinators). `status` decides what may happen next.
   */
  | {
      type: 'referral';
      id?: string;
      personId: string;
      kind: 'national' | 'transnational';
      status: string;
      fromJurisdiction: JurisdictionCode;
      fromUnitId: string;
      /** The provider's agency when it works in Veza; null when the provider is outside. */
      providerAgencyId: string | null;
      toJurisdiction: JurisdictionCode | null;
    }
  /** Statistics of one jurisdiction, or of all (null: the regional view). Counts only, never records. */
  | { type: 'statistics'; jurisdiction: JurisdictionCode | null };

/** What one referral opens to its receiver: the person, and the parts of the record in `sharedScope`. */
export interface VictimReferralAccess {
  agencyId: string | null;
  toJurisdiction: JurisdictionCode | null;
  sharedScope: readonly string[];
}

export type ResourceType = Resource['type'];
export type ResourceOf<T extends ResourceType> = Extract<Resource, { type: T }>;

/** `reason` is a stable machine string: it lands in the audit trail of denials and in tests. */
export interface Decision {
  allowed: boolean;
  reason: string;
}

/**
 * How far a list query may reach for an action. For need-to-know records (cases, persons) 'self'
 * means "only records the actor is personally attached to" (case team, referral to their agency).
 */
export type JurisdictionScope =
  | { kind: 'all' }
  | { kind: 'jurisdictions'; codes: JurisdictionCode[] }
  | { kind: 'units'; unitIds: string[] }
  | { kind: 'self'; userId: string }
  | { kind: 'none' };

/** The rules of one resource type; each module contributes one and registers it with the engine. */
export interface ResourcePolicy<T extends ResourceType> {
  type: T;
  /** The actions that apply to this resource type (others are refused as 'not_applicable'). */
  actions: readonly Action[];
  /**
   * The action that decides whether the actor may know the record exists. When it is refused, every
   * denial answers "not found"; null means the resource's existence is never a secret ("forbidden").
   */
  visibility: Action | null;
  decide(actor: Actor, action: Action, resource: ResourceOf<T>): Decision;
  scope(actor: Actor, action: Action): JurisdictionScope;
  /**
   * Whether the action counts among the actor's capabilities (navigation, home page). By default any
   * scope but 'none' does; a policy overrides this where a scope is too narrow to be a capability.
   */
  isCapability?(actor: Actor, action: Action): boolean;
}

export const allow = (reason: string): Decision => ({ allowed: true, reason });
export const deny = (reason: string): Decision => ({ allowed: false, reason });
