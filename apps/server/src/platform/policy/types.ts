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
  | { type: 'instrument'; instrumentId?: string };

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
