import type { Action, JurisdictionCode } from '@veza/shared';
import type { Actor } from '../context.ts';

/**
 * What an action is taken on, by kind: enough of the record to decide, loaded before the decision.
 * The engine knows no kind itself; each module adds its own by declaration merging, beside its rules:
 *
 *   declare module '../../platform/policy/types.ts' {
 *     interface ResourceKinds { case: CaseResource }
 *   }
 *
 * The key is the resource's `type` (CaseResource has `type: 'case'`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the modules (declaration merging)
export interface ResourceKinds {}

export type ResourceType = keyof ResourceKinds & string;
/** One resource of the kind T; a kind whose `type` is not its key has no resource at all (never). */
export type ResourceOf<T extends ResourceType> = Extract<ResourceKinds[T], { type: T }>;
export type Resource = { [T in ResourceType]: ResourceOf<T> }[ResourceType];

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
  | { kind: 'agencies'; agencyIds: string[] }
  | { kind: 'self'; userId: string }
  | { kind: 'none' }
  /** Records reached in any of several ways: a referral by the unit that sent it or the agency it went to. */
  | { kind: 'union'; parts: ScopePart[] };

/**
 * One way of reaching records in a union scope. `via` names, in the resource's own terms, which side of
 * the record the scope applies to (a referral's 'sender' or 'receiver'); the policy that answers the
 * scope documents its sides, and the repository of the module turns each into its columns.
 */
export interface ScopePart {
  via: string;
  scope: Exclude<JurisdictionScope, { kind: 'union' }>;
}

/** Who a denial in the audit trail is about: the record, and the person it concerns when there is one. */
export interface AuditIdentity {
  recordId?: string;
  subjectId?: string;
}

/** The rules of one resource type; each module contributes its own and registers them with the engine. */
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
  /** The record (and person) a denial on this resource is logged against. */
  identify(resource: ResourceOf<T>): AuditIdentity;
  /**
   * Whether the action counts among the actor's capabilities (navigation, home page). By default any
   * scope but 'none' does; a policy overrides this where a scope is too narrow to be a capability.
   */
  isCapability?(actor: Actor, action: Action): boolean;
}

/** A policy of any registered resource type. */
export type AnyResourcePolicy = { [T in ResourceType]: ResourcePolicy<T> }[ResourceType];

export const allow = (reason: string): Decision => ({ allowed: true, reason });
export const deny = (reason: string): Decision => ({ allowed: false, reason });
