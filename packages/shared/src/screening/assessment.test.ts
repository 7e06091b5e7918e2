import { describe, expect, it } from 'vitest';
import type { ScreeningAnswer, ScreeningOutcome, ScreeningRule } from '../api/indicators.ts';
import { assess, RULES, treatedAsChild, unknownIndicatorIds } from './assessment.ts';
import { FULL_INTERVIEW, RAPID_SCREEN } from './shipped-indicators.testing.ts';

const full = FULL_INTERVIEW;
const rapid = RAPID_SCREEN;

// Shipped indicators the rows below rely on, by element and grade (see shipped-indicators.testing.ts).
const ACT_MEDIUM = 'unodc.child_unaccompanied';
const ACT_MEDIUM_2 = 'ilo.act_travel_paid_by_others';
const ACT_STRONG = 'ilo.act_sold_or_handed_over';
const ACT_WEAK = 'unodc.false_documents';
const MEANS_STRONG = 'ilo.documents_retained';
const MEANS_MEDIUM = 'ilo.isolation';
const MEANS_MEDIUM_2 = 'ilo.dependency';
const MEANS_WEAK = 'ilo.no_local_knowledge';
const PURPOSE_MEDIUM = 'unodc.begging_for_others';
const PURPOSE_MEDIUM_2 = 'ilo.excessive_hours';
const PURPOSE_STRONG = 'unodc.sex_for_others_profit';
const PURPOSE_WEAK = 'ilo.no_labour_rights';
const DRUG_SALE = 'drugs.forced_to_sell';
const DRUG_RUNNER = 'drugs.runner_or_lookout';
const DRUG_SUPPLY = 'drugs.supplied_by_controller';
const PETTY_CRIME = 'unodc.petty_crime_for_others';

const yes = (...ids: string[]): Record<string, ScreeningAnswer> =>
  Object.fromEntries(ids.map((id) => [id, 'yes' as const]));
const unknown = (...ids: string[]): Record<string, ScreeningAnswer> =>
  Object.fromEntries(ids.map((id) => [id, 'unknown' as const]));

interface Row {
  name: string;
  age?: number;
  ageInDoubt?: boolean;
  answers: Record<string, ScreeningAnswer>;
  outcome: ScreeningOutcome;
  rule: ScreeningRule;
  reasons?: string[];
  childRule: boolean;
  alert?: boolean;
}

// prettier-ignore
const FULL_INTERVIEW_ROWS: Row[] = [
  // The browser test of the issue: a 16-year-old, two medium indicators (act + purpose).
  { name: '16-year-old, medium act + medium purpose', age: 16, answers: yes(ACT_MEDIUM, PURPOSE_MEDIUM), outcome: 'grounds_to_refer', rule: 'R-CHILD-ACT-PURPOSE', reasons: [ACT_MEDIUM, PURPOSE_MEDIUM], childRule: true, alert: false },
  { name: '16-year-old, medium act + medium drug-crime purpose', age: 16, answers: yes(ACT_MEDIUM, DRUG_RUNNER), outcome: 'grounds_to_refer', rule: 'R-CHILD-ACT-PURPOSE', reasons: [ACT_MEDIUM, DRUG_RUNNER], childRule: true, alert: true },
  { name: '16-year-old, the two mediums plus forced drug selling', age: 16, answers: yes(ACT_MEDIUM, PURPOSE_MEDIUM, DRUG_SALE), outcome: 'grounds_to_refer', rule: 'R-CHILD-ACT-PURPOSE', reasons: [ACT_MEDIUM, PURPOSE_MEDIUM, DRUG_SALE], childRule: true, alert: true },
  { name: 'child: the means are not needed, and do not count among the reasons', age: 15, answers: yes(ACT_STRONG, MEANS_STRONG, PURPOSE_STRONG), outcome: 'grounds_to_refer', rule: 'R-CHILD-ACT-PURPOSE', reasons: [ACT_STRONG, PURPOSE_STRONG], childRule: true },
  { name: 'child: act without purpose is not enough', age: 12, answers: yes(ACT_MEDIUM, MEANS_STRONG), outcome: 'further_interview', rule: 'R-STRONG-INDICATOR', reasons: [MEANS_STRONG], childRule: true },
  { name: 'child: purpose without act is not enough', age: 12, answers: yes(PURPOSE_MEDIUM), outcome: 'further_interview', rule: 'R-MEDIUM-OR-WEAK-INDICATORS', reasons: [PURPOSE_MEDIUM], childRule: true },
  { name: 'child: weak indicators never evidence an element', age: 10, answers: yes(ACT_WEAK, PURPOSE_WEAK), outcome: 'further_interview', rule: 'R-MEDIUM-OR-WEAK-INDICATORS', reasons: [ACT_WEAK, PURPOSE_WEAK], childRule: true },
  { name: 'age 17 is a child', age: 17, answers: yes(ACT_MEDIUM_2, PURPOSE_MEDIUM_2), outcome: 'grounds_to_refer', rule: 'R-CHILD-ACT-PURPOSE', childRule: true },
  { name: 'age exactly 18 is an adult: act + purpose without means is not enough', age: 18, answers: yes(ACT_MEDIUM_2, PURPOSE_MEDIUM_2), outcome: 'further_interview', rule: 'R-MEDIUM-OR-WEAK-INDICATORS', childRule: false },
  { name: 'age 19 but in doubt: treated as a child', age: 19, ageInDoubt: true, answers: yes(ACT_MEDIUM_2, PURPOSE_MEDIUM_2), outcome: 'grounds_to_refer', rule: 'R-CHILD-ACT-PURPOSE', childRule: true },
  { name: 'age not given: a doubt, so treated as a child', answers: yes(ACT_MEDIUM_2, PURPOSE_MEDIUM_2), outcome: 'grounds_to_refer', rule: 'R-CHILD-ACT-PURPOSE', childRule: true },
  { name: 'age in doubt without an age', ageInDoubt: true, answers: yes(ACT_STRONG, PURPOSE_STRONG), outcome: 'grounds_to_refer', rule: 'R-CHILD-ACT-PURPOSE', childRule: true },
  { name: 'adult: one strong in each element', age: 30, answers: yes(ACT_STRONG, MEANS_STRONG, PURPOSE_STRONG), outcome: 'grounds_to_refer', rule: 'R-ADULT-ACT-MEANS-PURPOSE', reasons: [ACT_STRONG, MEANS_STRONG, PURPOSE_STRONG], childRule: false },
  { name: 'adult: two medium in each element', age: 30, answers: yes(ACT_MEDIUM, ACT_MEDIUM_2, MEANS_MEDIUM, MEANS_MEDIUM_2, PURPOSE_MEDIUM, PURPOSE_MEDIUM_2), outcome: 'grounds_to_refer', rule: 'R-ADULT-ACT-MEANS-PURPOSE', childRule: false },
  { name: 'adult: strong act and purpose, two medium means', age: 45, answers: yes(ACT_STRONG, MEANS_MEDIUM, MEANS_MEDIUM_2, PURPOSE_STRONG), outcome: 'grounds_to_refer', rule: 'R-ADULT-ACT-MEANS-PURPOSE', childRule: false },
  { name: 'adult: one medium means is not enough', age: 30, answers: yes(ACT_STRONG, MEANS_MEDIUM, PURPOSE_STRONG), outcome: 'further_interview', rule: 'R-STRONG-INDICATOR', reasons: [ACT_STRONG, PURPOSE_STRONG], childRule: false },
  { name: 'adult: medium + weak means is not enough', age: 30, answers: yes(ACT_STRONG, MEANS_MEDIUM, MEANS_WEAK, PURPOSE_STRONG), outcome: 'further_interview', rule: 'R-STRONG-INDICATOR', childRule: false },
  { name: 'adult: no act, everything else strong', age: 30, answers: yes(MEANS_STRONG, PURPOSE_STRONG), outcome: 'further_interview', rule: 'R-STRONG-INDICATOR', reasons: [MEANS_STRONG, PURPOSE_STRONG], childRule: false },
  { name: 'adult: the two mediums of the child case', age: 16 + 10, answers: yes(ACT_MEDIUM, PURPOSE_MEDIUM), outcome: 'further_interview', rule: 'R-MEDIUM-OR-WEAK-INDICATORS', reasons: [ACT_MEDIUM, PURPOSE_MEDIUM], childRule: false },
  { name: 'adult: a single strong indicator alone', age: 25, answers: yes(MEANS_STRONG), outcome: 'further_interview', rule: 'R-STRONG-INDICATOR', reasons: [MEANS_STRONG], childRule: false },
  { name: 'adult: a single weak indicator', age: 25, answers: yes(MEANS_WEAK), outcome: 'further_interview', rule: 'R-MEDIUM-OR-WEAK-INDICATORS', reasons: [MEANS_WEAK], childRule: false },
  { name: 'adult: several weak indicators', age: 25, answers: yes(ACT_WEAK, MEANS_WEAK, PURPOSE_WEAK), outcome: 'further_interview', rule: 'R-MEDIUM-OR-WEAK-INDICATORS', childRule: false },
  { name: 'adult: unknown on a strong indicator', age: 25, answers: { ...unknown(MEANS_STRONG), [MEANS_MEDIUM]: 'no' }, outcome: 'further_interview', rule: 'R-UNKNOWN-STRONG', reasons: [MEANS_STRONG], childRule: false },
  { name: 'adult: unknown on medium and weak indicators only', age: 25, answers: unknown(MEANS_MEDIUM, PURPOSE_WEAK), outcome: 'no_indicators', rule: 'R-NO-INDICATORS', reasons: [], childRule: false },
  { name: 'adult: "yes" wins over an unknown strong one', age: 25, answers: { ...unknown(PURPOSE_STRONG), ...yes(MEANS_MEDIUM) }, outcome: 'further_interview', rule: 'R-MEDIUM-OR-WEAK-INDICATORS', reasons: [MEANS_MEDIUM], childRule: false },
  { name: 'adult: everything "no"', age: 40, answers: { [ACT_STRONG]: 'no', [MEANS_STRONG]: 'no', [PURPOSE_STRONG]: 'no' }, outcome: 'no_indicators', rule: 'R-NO-INDICATORS', reasons: [], childRule: false, alert: false },
  { name: 'adult: no answers at all', age: 40, answers: {}, outcome: 'no_indicators', rule: 'R-NO-INDICATORS', reasons: [], childRule: false, alert: false },
  { name: 'child: no answers at all', age: 9, answers: {}, outcome: 'no_indicators', rule: 'R-NO-INDICATORS', reasons: [], childRule: true },
  { name: 'adult forced to sell drugs after deceptive recruitment', age: 22, answers: yes('ilo.act_arranged_by_intermediary', ACT_MEDIUM_2, 'ilo.deceived_about_job', DRUG_SALE), outcome: 'grounds_to_refer', rule: 'R-ADULT-ACT-MEANS-PURPOSE', childRule: false, alert: true },
  { name: 'adult: drug supply alone raises the alert', age: 22, answers: yes(DRUG_SUPPLY), outcome: 'further_interview', rule: 'R-MEDIUM-OR-WEAK-INDICATORS', childRule: false, alert: true },
  { name: 'adult: petty crime for others (forced criminality, no drugs) raises the alert', age: 22, answers: yes(PETTY_CRIME), outcome: 'further_interview', rule: 'R-STRONG-INDICATOR', childRule: false, alert: true },
  { name: 'adult: an unknown drug indicator raises no alert', age: 22, answers: unknown(DRUG_SALE), outcome: 'further_interview', rule: 'R-UNKNOWN-STRONG', childRule: false, alert: false },
  { name: 'adult: a child-only indicator answered "yes" still counts', age: 22, answers: yes(ACT_MEDIUM), outcome: 'further_interview', rule: 'R-MEDIUM-OR-WEAK-INDICATORS', reasons: [ACT_MEDIUM], childRule: false },
];

describe('assess: full interview, one row per situation', () => {
  it.each(FULL_INTERVIEW_ROWS)('$name -> $outcome ($rule)', (row) => {
    const result = assess({
      stage: 'full',
      indicators: full.indicators,
      answers: row.answers,
      age: row.age,
      ageInDoubt: row.ageInDoubt,
    });
    expect(result.outcome).toBe(row.outcome);
    expect(result.rule).toBe(row.rule);
    expect(result.childRule).toBe(row.childRule);
    if (row.reasons) expect(result.reasons).toEqual(row.reasons);
    if (row.alert !== undefined) expect(result.nonPunishmentAlert).toBe(row.alert);
  });
});

// prettier-ignore
const RAPID_ROWS: Row[] = [
  { name: 'one "yes" leads into the full interview', age: 30, answers: yes('rapid.documents_held'), outcome: 'further_interview', rule: 'R-RAPID-POSITIVE', reasons: ['rapid.documents_held'], childRule: false, alert: false },
  { name: 'a "yes" on the medium debt question is enough', age: 30, answers: yes('rapid.debt'), outcome: 'further_interview', rule: 'R-RAPID-POSITIVE', reasons: ['rapid.debt'], childRule: false },
  { name: 'a child with every question "yes" still only goes to the full interview', age: 14, answers: yes(...rapid.indicators.map((i) => i.id)), outcome: 'further_interview', rule: 'R-RAPID-POSITIVE', childRule: true, alert: true },
  { name: 'compelled offences raise the alert', age: 30, answers: yes('rapid.forced_offences'), outcome: 'further_interview', rule: 'R-RAPID-POSITIVE', childRule: false, alert: true },
  { name: 'a strong question left unknown', age: 30, answers: { ...unknown('rapid.not_free_to_leave'), 'rapid.debt': 'no' }, outcome: 'further_interview', rule: 'R-UNKNOWN-STRONG', reasons: ['rapid.not_free_to_leave'], childRule: false },
  { name: 'only the medium debt question left unknown', age: 30, answers: unknown('rapid.debt'), outcome: 'no_indicators', rule: 'R-NO-INDICATORS', childRule: false },
  { name: 'all six "no"', age: 30, answers: Object.fromEntries(rapid.indicators.map((i) => [i.id, 'no' as const])), outcome: 'no_indicators', rule: 'R-NO-INDICATORS', reasons: [], childRule: false, alert: false },
];

describe('assess: rapid screen', () => {
  it.each(RAPID_ROWS)('$name -> $outcome ($rule)', (row) => {
    const result = assess({
      stage: 'rapid',
      indicators: rapid.indicators,
      answers: row.answers,
      age: row.age,
    });
    expect(result).toMatchObject({ outcome: row.outcome, rule: row.rule, childRule: row.childRule });
    if (row.reasons) expect(result.reasons).toEqual(row.reasons);
    if (row.alert !== undefined) expect(result.nonPunishmentAlert).toBe(row.alert);
  });

  it('never gives grounds to refer: that needs the full interview', () => {
    const everything = yes(...rapid.indicators.map((i) => i.id));
    for (const age of [10, 17, 18, 60]) {
      expect(assess({ stage: 'rapid', indicators: rapid.indicators, answers: everything, age }).outcome).toBe(
        'further_interview',
      );
    }
  });
});

describe('age', () => {
  it.each([
    { age: 0, ageInDoubt: undefined, child: true },
    { age: 17, ageInDoubt: false, child: true },
    { age: 18, ageInDoubt: undefined, child: false },
    { age: 18, ageInDoubt: false, child: false },
    { age: 18, ageInDoubt: true, child: true },
    { age: 19, ageInDoubt: true, child: true },
    { age: 70, ageInDoubt: undefined, child: false },
    { age: undefined, ageInDoubt: undefined, child: true },
    { age: undefined, ageInDoubt: false, child: true },
  ])('age $age, in doubt $ageInDoubt -> treated as a child: $child', ({ age, ageInDoubt, child }) => {
    expect(treatedAsChild(age, ageInDoubt)).toBe(child);
  });
});

describe('the non-punishment alert', () => {
  it('names the indicators that raised it', () => {
    const result = assess({
      stage: 'full',
      indicators: full.indicators,
      answers: yes(ACT_MEDIUM, PURPOSE_MEDIUM, DRUG_SALE, PETTY_CRIME, DRUG_SUPPLY),
      age: 16,
    });
    expect(result.nonPunishmentAlert).toBe(true);
    expect([...result.nonPunishmentReasons].sort()).toEqual([DRUG_SALE, DRUG_SUPPLY, PETTY_CRIME].sort());
  });
});

describe('answers the instrument does not have', () => {
  it('are named, so the request can be refused', () => {
    expect(
      unknownIndicatorIds(full.indicators, {
        [ACT_MEDIUM]: 'yes',
        'ilo.nonexistent': 'no',
        'rapid.debt': 'yes',
      }),
    ).toEqual(['ilo.nonexistent', 'rapid.debt']);
    expect(unknownIndicatorIds(full.indicators, yes(ACT_MEDIUM))).toEqual([]);
  });
});

describe('the rules', () => {
  it('have unique ids and end with the rule that always applies', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    expect(RULES.at(-1)?.id).toBe('R-NO-INDICATORS');
  });

  it('never call anyone a victim', () => {
    for (const rule of RULES) expect(rule.summary.toLowerCase()).not.toContain('victim');
  });
});
