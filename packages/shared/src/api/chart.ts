import { z } from 'zod';
import { HANDLING_CODES } from '../roles.ts';
import { Allowed, Line, Timestamp, Uuid } from './common.ts';

/**
 * The link chart of a case: entities as nodes (relationship entities too, so the chart can show or
 * hide them), the links between them, and call records summed up into caller -> callee links.
 */

/** Europol 4x4 as one code, `B2`: source A/B/C/X, information 1-4. */
export const ChartEvaluationCode = z.string().regex(/^[ABCX][1-4]$/, 'an evaluation such as B2');
/** An ISO date or a prefix of one, as FtM writes dates: `2026`, `2026-03`, `2026-03-05`, `2026-03-05T10:00Z`. */
export const ChartDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/, {
  message: 'a date such as 2026-03-05',
});

export const ChartNodeSchema = z.object({
  id: Uuid,
  /** FtM schema: Person, Phone, Address, Ownership ... */
  schema: z.string(),
  /** Empty when `withheld`: the reader may see the case but not who the person is. */
  caption: z.string(),
  withheld: z.boolean(),
  /** A relationship entity (Ownership, UsesPhone ...), drawn as a node only when the analyst asks. */
  relationship: z.boolean(),
  /** When it happened (Event, Trip, a relationship's start), not a birth date. */
  startDate: ChartDate.nullable(),
  endDate: ChartDate.nullable(),
  /** The best evaluation among the entity's current statements. */
  evaluation: ChartEvaluationCode.nullable(),
  /** The strictest handling code among its statements, the case's when it has none. */
  handlingCode: z.enum(HANDLING_CODES),
  /** Where an Address or Location says it is (WGS 84). */
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
});
export type ChartNodeData = z.infer<typeof ChartNodeSchema>;

export const CHART_EDGE_KINDS = ['relationship', 'reference', 'calls'] as const;
export type ChartEdgeKind = (typeof CHART_EDGE_KINDS)[number];

export const ChartCallSummarySchema = z.object({
  count: z.number().int(),
  first: Timestamp,
  last: Timestamp,
  totalSeconds: z.number().int(),
});
export type ChartCallSummary = z.infer<typeof ChartCallSummarySchema>;

export const ChartEdgeDataSchema = z.object({
  id: z.string(),
  source: Uuid,
  target: Uuid,
  /**
   * `relationship`: between an entity and a relationship entity (label: the FtM property, `owner`);
   * `reference`: one entity naming another (label: the property, `holder`);
   * `calls`: call records from caller to callee, summed up.
   */
  kind: z.enum(CHART_EDGE_KINDS),
  relationshipId: Uuid.nullable(),
  label: z.string(),
  startDate: ChartDate.nullable(),
  endDate: ChartDate.nullable(),
  calls: ChartCallSummarySchema.nullable(),
});
export type ChartEdgeData = z.infer<typeof ChartEdgeDataSchema>;

export const CaseGraphSchema = z.object({
  caseId: Uuid,
  nodes: z.array(ChartNodeSchema),
  edges: z.array(ChartEdgeDataSchema),
  /** Actions on the case: `case.edit` lets the reader save charts. */
  allowed: Allowed,
});
export type CaseGraph = z.infer<typeof CaseGraphSchema>;

export const ChartNeighbourParams = z.strictObject({ caseId: Uuid, entityId: Uuid });
export const ChartNeighbourQuery = z.strictObject({
  depth: z.coerce.number().int().min(1).max(3).default(1),
});

/** Timeline: events, calls and trips of the case, and call records by day and by weekday x hour. */
export const CHART_TIMELINE_SCHEMAS = ['Event', 'Call', 'Trip'] as const;

export const ChartTimelineItemSchema = z.object({
  id: Uuid,
  schema: z.string(),
  caption: z.string(),
  start: ChartDate,
  end: ChartDate.nullable(),
  evaluation: ChartEvaluationCode.nullable(),
  handlingCode: z.enum(HANDLING_CODES),
});
export type ChartTimelineItem = z.infer<typeof ChartTimelineItemSchema>;

export const ChartCallPairSchema = ChartCallSummarySchema.extend({
  callerId: Uuid,
  callerCaption: z.string(),
  calleeId: Uuid,
  calleeCaption: z.string(),
});
export type ChartCallPair = z.infer<typeof ChartCallPairSchema>;

export const CaseTimelineSchema = z.object({
  caseId: Uuid,
  items: z.array(ChartTimelineItemSchema),
  calls: z.object({
    total: z.number().int(),
    first: Timestamp.nullable(),
    last: Timestamp.nullable(),
    /** Calls per UTC day, `2026-03-05`. */
    perDay: z.array(z.object({ day: z.string(), count: z.number().int(), seconds: z.number().int() })),
    /** Calls per ISO weekday (1 Monday) and UTC hour. */
    heat: z.array(
      z.object({ weekday: z.number().int().min(1).max(7), hour: z.number().int(), count: z.number().int() }),
    ),
    /** Who calls whom, most calls first. */
    pairs: z.array(ChartCallPairSchema),
  }),
});
export type CaseTimeline = z.infer<typeof CaseTimelineSchema>;

/** What a saved chart remembers: which entities are on it, where they sit, and the view. */
export const ChartFilterSchema = z.strictObject({
  types: z.array(z.string().max(40)).max(200).nullable(),
  from: ChartDate.nullable(),
  to: ChartDate.nullable(),
  minSource: z.enum(['A', 'B', 'C', 'X']).nullable(),
  minInformation: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
  handlingCodes: z.array(z.enum(HANDLING_CODES)).max(4).nullable(),
});
export type ChartFilterState = z.infer<typeof ChartFilterSchema>;

export const MAX_CHART_NODES = 20_000;

export const SavedChartStateSchema = z.strictObject({
  version: z.literal(1),
  /** Entities on the chart; null for every entity of the case. */
  entityIds: z.array(Uuid).max(MAX_CHART_NODES).nullable(),
  positions: z
    .record(Uuid, z.tuple([z.number().finite(), z.number().finite()]))
    .refine((p) => Object.keys(p).length <= MAX_CHART_NODES, { message: 'too many positions' }),
  filter: ChartFilterSchema,
  hideRelationships: z.boolean(),
  groupByType: z.boolean(),
  colourByCommunity: z.boolean(),
  path: z.strictObject({ from: Uuid, to: Uuid }).nullable(),
  camera: z
    .strictObject({
      x: z.number().finite(),
      y: z.number().finite(),
      ratio: z.number().positive(),
      angle: z.number().finite(),
    })
    .nullable(),
});
export type SavedChartState = z.infer<typeof SavedChartStateSchema>;

export const SavedChartCreateSchema = z.strictObject({ name: Line(120), state: SavedChartStateSchema });
export type SavedChartCreate = z.infer<typeof SavedChartCreateSchema>;
export const SavedChartUpdateSchema = z.strictObject({
  name: Line(120).optional(),
  state: SavedChartStateSchema.optional(),
});
export type SavedChartUpdate = z.infer<typeof SavedChartUpdateSchema>;
/** Deleting is explicit and audited with a reason. */
export const SavedChartDeleteSchema = z.strictObject({ reason: Line(500) });

export const SavedChartParams = z.strictObject({ caseId: Uuid, chartId: Uuid });

export const SavedChartSummarySchema = z.object({
  id: Uuid,
  caseId: Uuid,
  name: z.string(),
  createdBy: Uuid,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  allowed: Allowed,
});
export type SavedChartSummary = z.infer<typeof SavedChartSummarySchema>;
export const SavedChartSchema = SavedChartSummarySchema.extend({ state: SavedChartStateSchema });
export type SavedChart = z.infer<typeof SavedChartSchema>;
