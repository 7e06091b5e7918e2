import { DRUGS_TAG } from '../api/indicators.ts';
import type {
  Indicator,
  IndicatorElement,
  IndicatorGrade,
  ScreeningAnswer,
  ScreeningOutcome,
  ScreeningRule,
  ScreeningStage,
} from '../api/indicators.ts';

/**
 * The assessment engine: written rules, tried in order, the first that applies decides. It yields
 * "grounds to refer", "further interview needed" or "no indicators found", never a verdict about
 * anyone: formal identification is a separate decision by a competent authority. Pure, so every rule
 * is tested by tables (assessment.test.ts) and explained in docs/screening-rules.md. It lives here,
 * browser-safe, because the server and the offline screen (the service worker) run the same rules:
 * a screening assessed without a connection gets the result the server computes when it arrives.
 */

/** The age at which the adult rule applies; under it, and whenever the age is in doubt, the child rule. */
export const ADULT_AGE = 18;

export interface AssessmentInput {
  stage: ScreeningStage;
  indicators: readonly Indicator[];
  answers: Readonly<Record<string, ScreeningAnswer>>;
  age?: number | undefined;
  ageInDoubt?: boolean | undefined;
}

export interface AssessmentResult {
  outcome: ScreeningOutcome;
  rule: ScreeningRule;
  reasons: string[];
  childRule: boolean;
  nonPunishmentAlert: boolean;
  nonPunishmentReasons: string[];
}

/** What the rules look at, computed once from the answers. */
interface Facts {
  stage: ScreeningStage;
  treatedAsChild: boolean;
  /** Indicators answered "yes", in instrument order. */
  present: readonly Indicator[];
  /** Indicators answered "unknown", in instrument order. */
  unclear: readonly Indicator[];
}

interface Finding {
  outcome: ScreeningOutcome;
  reasons: readonly Indicator[];
}

export interface Rule {
  id: ScreeningRule;
  /** One sentence for the rules page and the tests; the UI translates the rule id instead. */
  summary: string;
  apply(facts: Facts): Finding | null;
}

const STRONG_OR_MEDIUM: readonly IndicatorGrade[] = ['strong', 'medium'];

/**
 * Whether an element (act, means or purpose) is evidenced. For an adult: at least one strong or two
 * medium indicators, the threshold the issue sets. For a child the bar is one strong or one medium
 * indicator: a child needs protection on fewer signs, and a referral sends them to child protection,
 * which assesses; weak indicators alone never evidence an element.
 */
export function evidences(
  element: IndicatorElement,
  present: readonly Indicator[],
  treatedAsChild: boolean,
): Indicator[] {
  const counted = present.filter((i) => i.element === element && STRONG_OR_MEDIUM.includes(i.grade));
  const strong = counted.filter((i) => i.grade === 'strong').length;
  const medium = counted.length - strong;
  const enough = treatedAsChild ? strong + medium >= 1 : strong >= 1 || medium >= 2;
  return enough ? counted : [];
}

function allEvidenced(facts: Facts, elements: readonly IndicatorElement[]): Indicator[] | null {
  const found = elements.map((element) => evidences(element, facts.present, facts.treatedAsChild));
  return found.every((list) => list.length > 0) ? found.flat() : null;
}

/** The rules in the order they are tried. */
export const RULES: readonly Rule[] = [
  {
    id: 'R-RAPID-POSITIVE',
    summary: 'Rapid screen: any "yes" leads into the full indicator interview.',
    apply: (facts) =>
      facts.stage === 'rapid' && facts.present.length > 0
        ? { outcome: 'further_interview', reasons: facts.present }
        : null,
  },
  {
    id: 'R-CHILD-ACT-PURPOSE',
    summary:
      'Under 18, age not given or in doubt: act and purpose each evidenced by one strong or one medium indicator; the means are not needed.',
    apply: (facts) => {
      if (facts.stage !== 'full' || !facts.treatedAsChild) return null;
      const reasons = allEvidenced(facts, ['act', 'purpose']);
      return reasons ? { outcome: 'grounds_to_refer', reasons } : null;
    },
  },
  {
    id: 'R-ADULT-ACT-MEANS-PURPOSE',
    summary: 'Adult: act, means and purpose each evidenced by one strong or two medium indicators.',
    apply: (facts) => {
      if (facts.stage !== 'full' || facts.treatedAsChild) return null;
      const reasons = allEvidenced(facts, ['act', 'means', 'purpose']);
      return reasons ? { outcome: 'grounds_to_refer', reasons } : null;
    },
  },
  {
    id: 'R-STRONG-INDICATOR',
    summary: 'Any strong indicator, even alone, calls for a further interview.',
    apply: (facts) => {
      const strong = facts.present.filter((i) => i.grade === 'strong');
      return strong.length > 0 ? { outcome: 'further_interview', reasons: strong } : null;
    },
  },
  {
    id: 'R-MEDIUM-OR-WEAK-INDICATORS',
    summary:
      'Medium or weak indicators that do not reach the thresholds still call for a further interview, so that "no indicators found" is literally true.',
    apply: (facts) =>
      facts.present.length > 0 ? { outcome: 'further_interview', reasons: facts.present } : null,
  },
  {
    id: 'R-UNKNOWN-STRONG',
    summary: 'A strong indicator that could not be established ("unknown") calls for a further interview.',
    apply: (facts) => {
      const strong = facts.unclear.filter((i) => i.grade === 'strong');
      return strong.length > 0 ? { outcome: 'further_interview', reasons: strong } : null;
    },
  },
  {
    id: 'R-NO-INDICATORS',
    summary: 'No indicator answered "yes" and no strong one left open.',
    apply: () => ({ outcome: 'no_indicators', reasons: [] }),
  },
];

/**
 * Under 18, or whenever the age is in doubt, the person is treated as a child (DOMAIN: "any doubt
 * about age: treat as a child"). An age that was not given is a doubt: only a stated adult age,
 * without doubt, applies the adult rule.
 */
export function treatedAsChild(age: number | undefined, ageInDoubt: boolean | undefined): boolean {
  return ageInDoubt === true || age === undefined || age < ADULT_AGE;
}

/**
 * Forced criminality (including drug crime) or any drug-linked indicator: the person may have been
 * compelled to commit offences and must not be punished for them (non-punishment principle).
 */
export function raisesNonPunishmentAlert(indicator: Indicator): boolean {
  return indicator.exploitationTypes.includes('forced_criminality') || indicator.tags.includes(DRUGS_TAG);
}

/** Indicator ids answered that the instrument does not have: the caller refuses the request. */
export function unknownIndicatorIds(
  indicators: readonly Indicator[],
  answers: Readonly<Record<string, ScreeningAnswer>>,
): string[] {
  const known = new Set(indicators.map((i) => i.id));
  return Object.keys(answers).filter((id) => !known.has(id));
}

/**
 * Evaluates the answers of one screening. Every answered indicator counts whatever its `appliesTo`
 * (which only decides which questions the screen shows): an extra sign is never discarded. Answers
 * for ids the instrument does not have must be refused before (see `unknownIndicatorIds`).
 */
export function assess(input: AssessmentInput): AssessmentResult {
  const facts: Facts = {
    stage: input.stage,
    treatedAsChild: treatedAsChild(input.age, input.ageInDoubt),
    present: input.indicators.filter((i) => input.answers[i.id] === 'yes'),
    unclear: input.indicators.filter((i) => input.answers[i.id] === 'unknown'),
  };
  for (const rule of RULES) {
    const finding = rule.apply(facts);
    if (!finding) continue;
    const alerting = facts.present.filter(raisesNonPunishmentAlert);
    return {
      outcome: finding.outcome,
      rule: rule.id,
      reasons: finding.reasons.map((i) => i.id),
      childRule: facts.treatedAsChild,
      nonPunishmentAlert: alerting.length > 0,
      nonPunishmentReasons: alerting.map((i) => i.id),
    };
  }
  throw new Error('R-NO-INDICATORS always applies');
}
