import type { z } from 'zod';
import type { Queryable } from '@veza/db';
import { InstrumentContentSchema } from '@veza/shared';
import type {
  Assessment,
  AssessmentRequest,
  FieldProblem,
  Instrument,
  InstrumentContent,
  InstrumentContentInputSchema,
  InstrumentListQuery,
} from '@veza/shared';
import { appendAudit } from '../../platform/audit/index.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { allowedActions, authorize } from '../../platform/policy/index.ts';
import { assess, unknownIndicatorIds } from '@veza/shared/screening/assessment';
import { withSerbianLatin } from './indicators.localise.ts';
import {
  findPublishedVersion,
  insertVersion,
  latestVersionNumber,
  listPublishedVersions,
  type InstrumentVersionRow,
} from './indicators.repository.ts';

type InstrumentFilter = z.output<typeof InstrumentListQuery>;
type InstrumentContentInput = z.output<typeof InstrumentContentInputSchema>;

function signedIn(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx.actor;
}

/** Stored content is checked on the way out too: a row that no longer fits the contract is a bug, not data. */
function contentOf(row: InstrumentVersionRow): InstrumentContent {
  return InstrumentContentSchema.parse(row.content);
}

function presentInstrument(actor: Actor, row: InstrumentVersionRow): Instrument {
  const content = contentOf(row);
  return {
    id: row.instrumentId,
    version: row.version,
    stage: content.stage,
    title: content.title,
    publishedAt: (row.publishedAt ?? row.createdAt).toISOString(),
    indicators: content.indicators,
    allowed: allowedActions(actor, { type: 'instrument', instrumentId: row.instrumentId }),
  };
}

function invalid(fieldProblems: FieldProblem[]): AppError {
  return new AppError('validation_failed', { fieldProblems });
}

/** The published instruments: the latest version of each, or every version with `all=true`. */
export async function listInstruments(
  tx: Queryable,
  ctx: RequestContext,
  query: InstrumentFilter,
): Promise<Instrument[]> {
  const actor = signedIn(ctx);
  authorize(ctx, 'instrument.view', { type: 'instrument' });
  const rows = await listPublishedVersions(tx);
  const shown =
    query.all === 'true'
      ? rows
      : rows.filter((row, index) => index === 0 || rows[index - 1]?.instrumentId !== row.instrumentId);
  return shown.map((row) => presentInstrument(actor, row));
}

/**
 * Evaluates a screening without storing anything. The request carries answers and an age, never an
 * identity, so no personal data is collected and nothing is audited beyond a refusal.
 */
export async function assessScreening(
  tx: Queryable,
  ctx: RequestContext,
  input: AssessmentRequest,
): Promise<Assessment> {
  authorize(ctx, 'screening.assess', { type: 'instrument', instrumentId: input.instrumentId });
  const row = await findPublishedVersion(tx, input.instrumentId, input.version);
  if (!row) {
    const path = input.version !== undefined && (await latestVersionNumber(tx, input.instrumentId)) !== null;
    throw invalid([
      path
        ? { path: 'version', code: 'not_found', message: `No published version ${input.version}` }
        : { path: 'instrumentId', code: 'not_found', message: 'No such instrument' },
    ]);
  }
  const content = contentOf(row);
  const unknown = unknownIndicatorIds(content.indicators, input.answers);
  if (unknown.length > 0) {
    throw invalid(
      unknown.map((id) => ({
        path: `answers.${id}`,
        code: 'unknown_indicator',
        message: `${row.instrumentId} version ${row.version} has no indicator ${id}`,
      })),
    );
  }
  const result = assess({
    stage: content.stage,
    indicators: content.indicators,
    answers: input.answers,
    age: input.age,
    ageInDoubt: input.ageInDoubt,
  });
  return { ...result, instrumentId: row.instrumentId, version: row.version };
}

/** Serbian Latin is always derived from the Cyrillic, whatever was sent. */
function normalise(input: InstrumentContentInput): InstrumentContent {
  return {
    stage: input.stage,
    title: withSerbianLatin(input.title),
    indicators: input.indicators.map((indicator) => ({
      ...indicator,
      text: withSerbianLatin(indicator.text),
    })),
  };
}

/**
 * A national coordinator publishes a new version of an instrument (or the first version of a new
 * one). Earlier versions stay as they were: every screening keeps the version it used.
 */
export async function publishInstrumentVersion(
  tx: Queryable,
  ctx: RequestContext,
  instrumentId: string,
  input: InstrumentContentInput,
): Promise<Instrument> {
  const actor = signedIn(ctx);
  authorize(ctx, 'instrument.publish', { type: 'instrument', instrumentId });
  const previous = await findPublishedVersion(tx, instrumentId);
  const previousContent = previous ? contentOf(previous) : null;
  if (previousContent && previousContent.stage !== input.stage) {
    throw invalid([
      {
        path: 'stage',
        code: 'stage_changed',
        message: `${instrumentId} is a ${previousContent.stage} instrument; publish another instrument instead`,
      },
    ]);
  }
  const version = ((await latestVersionNumber(tx, instrumentId)) ?? 0) + 1;
  const content = normalise(input);
  const publishedAt = new Date();
  const inserted = await insertVersion(tx, {
    instrumentId,
    version,
    status: 'published',
    publishedAt,
    publishedBy: actor.userId,
    content,
  });
  if (!inserted)
    throw new AppError('instrument_published_meanwhile', {
      message: 'Another version was published at the same time',
    });
  const before = new Set(previousContent?.indicators.map((i) => i.id) ?? []);
  const after = new Set(content.indicators.map((i) => i.id));
  await appendAudit(tx, ctx, {
    operation: 'alteration',
    action: 'instrument.publish',
    recordType: 'instrument',
    recordId: instrumentId,
    outcome: 'allowed',
    details: {
      version,
      previousVersion: previous?.version ?? null,
      indicators: content.indicators.length,
      added: [...after].filter((id) => !before.has(id)),
      removed: [...before].filter((id) => !after.has(id)),
    },
  });
  return presentInstrument(actor, {
    instrumentId,
    version,
    status: 'published',
    publishedAt,
    publishedBy: actor.userId,
    content,
    createdAt: publishedAt,
  });
}
