/**
 * The input model of a link chart: entities and links aligned with FollowTheMoney (FtM), each
 * carrying the Europol 4x4 evaluation and handling code of the statement it comes from.
 */

/** Europol handling codes: H0 use for crime only; H1 not in court without permission; H2 not passed on; H3 other. */
export type { HandlingCode } from '@veza/shared';
import type { HandlingCode } from '@veza/shared';

/** Europol 4x4: source reliability (A best, X cannot be assessed) and information reliability (1 best). */
export interface Evaluation {
  readonly source: 'A' | 'B' | 'C' | 'X';
  readonly information: 1 | 2 | 3 | 4;
}

/** An entity on the chart: a Person, Company, Phone ... or a relationship entity such as Ownership. */
export interface ChartNode {
  readonly id: string;
  /** FtM schema name, e.g. `Person`, `Company`, `Ownership`. */
  readonly type: string;
  readonly label: string;
  /** FtM properties, every value a list as in FtM. */
  readonly properties?: Readonly<Record<string, readonly string[]>>;
  readonly evaluation?: Evaluation;
  readonly handlingCode?: HandlingCode;
  /** ISO 8601 date or prefix of one (`2024`, `2024-03`, `2024-03-05`, `2024-03-05T10:00Z`). */
  readonly date?: string;
  readonly caseIds?: readonly string[];
}

/**
 * A link between two entities. Between an entity and a relationship entity its `type` is the FtM
 * property naming the end (`owner`, `asset`); between two entities it is the link's own type.
 */
export interface ChartEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly type: string;
  readonly label?: string;
  readonly date?: string;
  readonly evaluation?: Evaluation;
  readonly handlingCode?: HandlingCode;
  readonly weight?: number;
}

/** The two properties of a relationship entity that name its ends, as FtM's `edge: {source, target}`. */
export interface RelationshipEnds {
  readonly source: string;
  readonly target: string;
}

/**
 * Relationship entities and which property is the "from" end. FtM schemas follow FtM's `edge`
 * definitions; the trafficking relationships are Veza's own and provisional until the
 * investigation schema lands in @veza/shared.
 */
export const RELATIONSHIP_TYPES: Readonly<Record<string, RelationshipEnds>> = {
  Family: { source: 'person', target: 'relative' },
  Associate: { source: 'person', target: 'associate' },
  Membership: { source: 'member', target: 'organization' },
  Employment: { source: 'employee', target: 'employer' },
  Ownership: { source: 'owner', target: 'asset' },
  Directorship: { source: 'director', target: 'organization' },
  UnknownLink: { source: 'subject', target: 'object' },
  Payment: { source: 'payer', target: 'beneficiary' },
  UsesPhone: { source: 'person', target: 'phone' },
  Drives: { source: 'driver', target: 'vehicle' },
  LivesAt: { source: 'person', target: 'address' },
  Recruited: { source: 'recruiter', target: 'recruited' },
  Transported: { source: 'transporter', target: 'transported' },
  Exploited: { source: 'exploiter', target: 'exploited' },
  Controls: { source: 'controller', target: 'controlled' },
  SuppliedDrugsTo: { source: 'supplier', target: 'recipient' },
};

/** True for schemas whose entities are links between two other entities (Ownership, Family ...). */
export function isRelationshipType(type: string): boolean {
  return Object.hasOwn(RELATIONSHIP_TYPES, type);
}

/**
 * Whether an entity of this type says who a person is, so that only those who may identify the
 * case's persons read its caption and statements: a Person, and every relationship entity, which is
 * named by the entities it links ("Ђорђе Ђорђевић → +381 64 123 4567") and says things of them.
 */
export function isPersonData(type: string): boolean {
  return type === 'Person' || isRelationshipType(type);
}

/** Attributes of a node in a chart graph; `x` and `y` are written by {@link layout}. */
export type ChartNodeAttributes = {
  type: string;
  label: string;
  properties?: Readonly<Record<string, readonly string[]>>;
  evaluation?: Evaluation;
  handlingCode?: HandlingCode;
  date?: string;
  caseIds?: readonly string[];
  x?: number;
  y?: number;
};

/** Attributes of an edge in a chart graph; `relationshipId` names the entity a collapsed edge stands for. */
export type ChartEdgeAttributes = {
  type: string;
  label?: string;
  date?: string;
  evaluation?: Evaluation;
  handlingCode?: HandlingCode;
  weight?: number;
  relationshipId?: string;
};
