import { z } from 'zod';
import { LOCALES } from '../locales.ts';
import type { Locale } from '../locales.ts';
import { Allowed, Line, Timestamp } from './common.ts';

/** The element of the trafficking definition an indicator evidences (act + means + purpose). */
export const INDICATOR_ELEMENTS = ['act', 'means', 'purpose'] as const;
export type IndicatorElement = (typeof INDICATOR_ELEMENTS)[number];

/** The finer dimensions of the ILO/European Commission operational indicators. */
export const ILO_EC_ELEMENTS = [
  'deceptive_recruitment',
  'coercive_recruitment',
  'recruitment_vulnerability',
  'exploitative_conditions',
  'coercion_at_destination',
  'destination_vulnerability',
] as const;
export type IloEcElement = (typeof ILO_EC_ELEMENTS)[number];

export const INDICATOR_GRADES = ['strong', 'medium', 'weak'] as const;
export type IndicatorGrade = (typeof INDICATOR_GRADES)[number];

/** Forced criminality includes drug crime (selling, carrying, growing drugs for others). */
export const EXPLOITATION_TYPES = [
  'sexual',
  'labour',
  'begging',
  'forced_criminality',
  'domestic_servitude',
  'forced_marriage',
  'organ_removal',
] as const;
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number];

export const AGE_GROUPS = ['adult', 'child', 'both'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Rapid: at most six questions at a border, a raid or a patrol. Full: the indicator interview. */
export const SCREENING_STAGES = ['rapid', 'full'] as const;
export type ScreeningStage = (typeof SCREENING_STAGES)[number];
export const RAPID_SCREEN_MAX_QUESTIONS = 6;

export const SCREENING_ANSWERS = ['yes', 'no', 'unknown'] as const;
export type ScreeningAnswer = (typeof SCREENING_ANSWERS)[number];

/** Never a verdict: formal identification is a separate decision by a competent authority. */
export const SCREENING_OUTCOMES = ['grounds_to_refer', 'further_interview', 'no_indicators'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

/** The written rules of the assessment engine, in the order they are tried (docs/screening-rules.md). */
export const SCREENING_RULES = [
  'R-RAPID-POSITIVE',
  'R-CHILD-ACT-PURPOSE',
  'R-ADULT-ACT-MEANS-PURPOSE',
  'R-STRONG-INDICATOR',
  'R-MEDIUM-OR-WEAK-INDICATORS',
  'R-UNKNOWN-STRONG',
  'R-NO-INDICATORS',
] as const;
export type ScreeningRule = (typeof SCREENING_RULES)[number];

/** Tags are free, short slugs; `drugs` marks the indicators that link drugs and trafficking. */
export const DRUGS_TAG = 'drugs';
export const IndicatorTag = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a lower-case slug');

/** Stable ids: `rapid.documents`, `ilo.debt_bondage`, `drugs.forced_to_sell` ... */
export const IndicatorId = z
  .string()
  .max(80)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, 'a dotted lower-case id such as ilo.debt_bondage');
/** Instrument ids: `veza.rapid`, `veza.full`, or a coordinator's own. */
export const InstrumentId = z
  .string()
  .max(80)
  .regex(/^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/, 'a dotted lower-case id such as veza.full');

const IndicatorLine = Line(1000);

/** One text in every UI language. */
export const LocalisedTextSchema = z.strictObject(
  Object.fromEntries(LOCALES.map((locale) => [locale, IndicatorLine])) as Record<
    Locale,
    typeof IndicatorLine
  >,
);
export type LocalisedText = Record<Locale, string>;

/**
 * What a coordinator sends: Serbian Latin is derived from the Cyrillic text by the server, so it may
 * be left out; when sent (a version read from the API and edited), it is replaced by the derived one.
 */
export const LocalisedTextInputSchema = LocalisedTextSchema.extend({ 'sr-Latn': IndicatorLine.optional() });
export type LocalisedTextInput = z.infer<typeof LocalisedTextInputSchema>;

const indicatorFields = {
  id: IndicatorId,
  element: z.enum(INDICATOR_ELEMENTS),
  iloEcElement: z.enum(ILO_EC_ELEMENTS).optional(),
  grade: z.enum(INDICATOR_GRADES),
  exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)).min(1).max(EXPLOITATION_TYPES.length),
  appliesTo: z.enum(AGE_GROUPS),
  tags: z.array(IndicatorTag).max(10).default([]),
};

export const IndicatorSchema = z.object({ ...indicatorFields, text: LocalisedTextSchema });
export type Indicator = z.infer<typeof IndicatorSchema>;

export const IndicatorInputSchema = z.strictObject({ ...indicatorFields, text: LocalisedTextInputSchema });
export type IndicatorInput = z.input<typeof IndicatorInputSchema>;

function checkIndicators(
  content: { stage: ScreeningStage; indicators: readonly { id: string }[] },
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  content.indicators.forEach((indicator, index) => {
    if (seen.has(indicator.id)) {
      ctx.addIssue({ code: 'custom', path: ['indicators', index, 'id'], message: 'Duplicate indicator id' });
    }
    seen.add(indicator.id);
  });
  if (content.stage === 'rapid' && content.indicators.length > RAPID_SCREEN_MAX_QUESTIONS) {
    ctx.addIssue({
      code: 'too_big',
      origin: 'array',
      maximum: RAPID_SCREEN_MAX_QUESTIONS,
      inclusive: true,
      path: ['indicators'],
      message: `A rapid screen has at most ${RAPID_SCREEN_MAX_QUESTIONS} questions`,
    });
  }
}

/** The body of POST /api/instruments/:id/versions: the whole content of the new version. */
export const InstrumentContentInputSchema = z
  .strictObject({
    stage: z.enum(SCREENING_STAGES),
    title: LocalisedTextInputSchema,
    indicators: z.array(IndicatorInputSchema).min(1).max(200),
  })
  .superRefine(checkIndicators);
export type InstrumentContentInput = z.input<typeof InstrumentContentInputSchema>;

/** What is stored per version (jsonb) and served. */
export const InstrumentContentSchema = z
  .object({
    stage: z.enum(SCREENING_STAGES),
    title: LocalisedTextSchema,
    indicators: z.array(IndicatorSchema).min(1),
  })
  .superRefine(checkIndicators);
export type InstrumentContent = z.infer<typeof InstrumentContentSchema>;

export const InstrumentSchema = z.object({
  id: InstrumentId,
  version: z.number().int().min(1),
  stage: z.enum(SCREENING_STAGES),
  title: LocalisedTextSchema,
  /** When this version was published (for the shipped library: when it was installed). */
  publishedAt: Timestamp,
  indicators: z.array(IndicatorSchema),
  allowed: Allowed,
});
export type Instrument = z.infer<typeof InstrumentSchema>;

export const InstrumentListQuery = z.strictObject({
  /** `true`: every published version; otherwise only the latest of each instrument. */
  all: z.enum(['true', 'false']).optional(),
});

export const InstrumentParams = z.strictObject({ id: InstrumentId });

export const AssessmentRequestSchema = z.strictObject({
  instrumentId: InstrumentId,
  /** The latest published version when absent. */
  version: z.number().int().min(1).optional(),
  age: z.number().int().min(0).max(130).optional(),
  /** Any doubt about age: the person is treated as a child. */
  ageInDoubt: z.boolean().optional(),
  answers: z
    .record(z.string().max(80), z.enum(SCREENING_ANSWERS))
    .refine((answers) => Object.keys(answers).length <= 200, 'At most 200 answers'),
});
export type AssessmentRequest = z.infer<typeof AssessmentRequestSchema>;

export const AssessmentSchema = z.object({
  outcome: z.enum(SCREENING_OUTCOMES),
  rule: z.enum(SCREENING_RULES),
  /** The indicators the deciding rule relied on. */
  reasons: z.array(IndicatorId),
  /** The person was treated as a child (under 18, age not given, or age in doubt): means not needed. */
  childRule: z.boolean(),
  /** Forced criminality or drug indicators present: the person must not be punished for compelled offences. */
  nonPunishmentAlert: z.boolean(),
  /** The indicators that raised the non-punishment alert. */
  nonPunishmentReasons: z.array(IndicatorId),
  instrumentId: InstrumentId,
  version: z.number().int().min(1),
});
export type Assessment = z.infer<typeof AssessmentSchema>;
