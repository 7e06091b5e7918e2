import { z } from 'zod';
import { JurisdictionCodeSchema } from './common.ts';

/** What is counted: screenings held, or referrals made. */
export const STATISTICS_MEASURES = ['screenings', 'referrals'] as const;
export type StatisticsMeasure = (typeof STATISTICS_MEASURES)[number];

/**
 * What a count may be broken down by. `outcome` is the screening's outcome for screenings and the
 * referral's status for referrals; `exploitation_type` counts a record once under each type it shows.
 */
export const STATISTICS_DIMENSIONS = [
  'period',
  'jurisdiction',
  'sex',
  'age_group',
  'exploitation_type',
  'nationality',
  'outcome',
] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

export const STATISTICS_INTERVALS = ['month', 'quarter', 'year'] as const;
export type StatisticsInterval = (typeof STATISTICS_INTERVALS)[number];

/** k = 11: no figure describes fewer than 11 people (as the global counter-trafficking data collaborative does). */
export const SUPPRESSION_THRESHOLD = 11;
/** Every published figure, totals included, is rounded to a multiple of this (see docs/statistics.md). */
export const ROUNDING_BASE = 5;
/** At most two dimensions at once: a table, not a microdata dump. */
export const MAX_GROUP_BY = 2;

/** Whole months only (`2026-03`): periods that slide by a day would let differences isolate one person. */
export const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month such as 2026-03');

const GroupBy = z
  .string()
  .max(200)
  .transform((text) => text.split(',').filter((part) => part !== ''))
  .pipe(
    z
      .array(z.enum(STATISTICS_DIMENSIONS))
      .min(1)
      .max(MAX_GROUP_BY)
      .refine((dims) => new Set(dims).size === dims.length, 'A dimension may be used once'),
  );

export const StatisticsQuery = z
  .strictObject({
    measure: z.enum(STATISTICS_MEASURES).default('screenings'),
    from: YearMonth,
    to: YearMonth,
    /** One jurisdiction; absent: all the reader may see (a national coordinator: their own). */
    jurisdiction: JurisdictionCodeSchema.optional(),
    /** Comma-separated dimensions: `sex,age_group`. */
    groupBy: GroupBy,
    interval: z.enum(STATISTICS_INTERVALS).default('month'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'The end is before the start' });
export type StatisticsQueryInput = z.input<typeof StatisticsQuery>;
export type StatisticsQueryParsed = z.output<typeof StatisticsQuery>;

/** A published figure: rounded, or withheld (`value: null`) because it describes fewer than 11 people. */
export const StatisticsFigureSchema = z.object({
  value: z.number().int().nullable(),
  suppressed: z.boolean(),
});
export type StatisticsFigure = z.infer<typeof StatisticsFigureSchema>;

export const StatisticsRowSchema = StatisticsFigureSchema.extend({
  /** One value per dimension of `groupBy`, in the same order (`2026-03`, `RS`, `female`, `unknown` ...). */
  keys: z.array(z.string()),
});
export type StatisticsRow = z.infer<typeof StatisticsRowSchema>;

export const StatisticsTableSchema = z.object({
  measure: z.enum(STATISTICS_MEASURES),
  from: YearMonth,
  to: YearMonth,
  jurisdiction: JurisdictionCodeSchema.nullable(),
  groupBy: z.array(z.enum(STATISTICS_DIMENSIONS)),
  interval: z.enum(STATISTICS_INTERVALS),
  threshold: z.number().int(),
  roundingBase: z.number().int(),
  rows: z.array(StatisticsRowSchema),
  /** The count over everything selected, protected like a cell (not the sum of the rows). */
  total: StatisticsFigureSchema,
});
export type StatisticsTable = z.infer<typeof StatisticsTableSchema>;
