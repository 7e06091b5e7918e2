import type { Evaluation, HandlingCode } from './model.ts';

const SOURCE_RANK = { A: 0, B: 1, C: 2, X: 3 } as const;
const HANDLING_RANK = { H0: 0, H1: 1, H2: 2, H3: 3 } as const;

/** A minimum evaluation; either grade may be left open. */
export interface MinimumEvaluation {
  readonly source?: Evaluation['source'];
  readonly information?: Evaluation['information'];
}

/** True when the evaluation is at least as good as the minimum on both grades (A>B>C>X, 1>2>3>4). */
export function meetsEvaluation(evaluation: Evaluation, minimum: MinimumEvaluation): boolean {
  if (minimum.source !== undefined && SOURCE_RANK[evaluation.source] > SOURCE_RANK[minimum.source]) {
    return false;
  }
  return minimum.information === undefined || evaluation.information <= minimum.information;
}

/** The weaker grade of each kind, so a link built from several statements never looks better than its worst. */
export function weakestEvaluation(evaluations: readonly (Evaluation | undefined)[]): Evaluation | undefined {
  let weakest: Evaluation | undefined;
  for (const e of evaluations) {
    if (e === undefined) continue;
    weakest =
      weakest === undefined
        ? e
        : {
            source: SOURCE_RANK[e.source] > SOURCE_RANK[weakest.source] ? e.source : weakest.source,
            information: e.information > weakest.information ? e.information : weakest.information,
          };
  }
  return weakest;
}

/** The most restrictive handling code, so merging statements never loosens a restriction. */
export function strictestHandlingCode(
  codes: readonly (HandlingCode | undefined)[],
): HandlingCode | undefined {
  let strictest: HandlingCode | undefined;
  for (const c of codes) {
    if (c !== undefined && (strictest === undefined || HANDLING_RANK[c] > HANDLING_RANK[strictest]))
      strictest = c;
  }
  return strictest;
}

/** `B2` for source B, information 2. */
export function formatEvaluation(evaluation: Evaluation): string {
  return `${evaluation.source}${evaluation.information}`;
}

/** Reads `B2` back; anything else gives undefined. */
export function parseEvaluation(text: string): Evaluation | undefined {
  const match = /^([ABCX])([1-4])$/.exec(text.trim());
  if (!match) return undefined;
  return {
    source: match[1] as Evaluation['source'],
    information: Number(match[2]) as Evaluation['information'],
  };
}

const HANDLING_CODES: readonly string[] = ['H0', 'H1', 'H2', 'H3'];

/** Narrows a string to a handling code. */
export function isHandlingCode(text: string): text is HandlingCode {
  return HANDLING_CODES.includes(text);
}
