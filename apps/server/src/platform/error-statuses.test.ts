import { describe, expect, it } from 'vitest';
import { ERROR_CODES, PLATFORM_ERROR_CODES } from '@veza/shared';
import { statusByCode } from './error-statuses.ts';
import { problemOf } from './http/problem.ts';

const STATUS_BY_CODE = statusByCode();

describe('error codes', () => {
  it('gives every code the server can send an HTTP error status and an English title', () => {
    const problems = ERROR_CODES.filter((code) => {
      const problem = problemOf(code);
      const status = STATUS_BY_CODE[code];
      return !(Number.isInteger(status) && status >= 400 && status < 600 && problem.title.length > 0);
    });
    expect(problems).toEqual([]);
  });

  it('lets each code belong to one module only, so a code never means two things', () => {
    const seen = new Set<string>();
    const twice = ERROR_CODES.filter((code) => seen.has(code) || !seen.add(code));
    expect(twice).toEqual([]);
    expect(Object.keys(STATUS_BY_CODE).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('keeps the platform generic: conflict and forbidden stay 409 and 403', () => {
    expect(PLATFORM_ERROR_CODES).toEqual(expect.arrayContaining(['conflict', 'forbidden', 'not_found']));
    expect(problemOf('conflict')).toMatchObject({ status: 409, type: 'urn:veza:problem:conflict' });
    expect(problemOf('forbidden').status).toBe(403);
  });

  it('answers the specific refusals with the statuses their generic codes had', () => {
    expect(
      Object.fromEntries(
        [
          'administrator_keeps_totp',
          'disclosure_refused',
          'last_case_owner',
          'join_request_pending',
          'already_decided',
          'entity_not_merged',
          'case_title_ambiguous',
          'instrument_published_meanwhile',
          'client_id_taken',
          'screening_saved_meanwhile',
          'screening_changed_meanwhile',
          'consent_recorded_meanwhile',
          'totp_already_on',
          'totp_setup_not_started',
        ].map((code) => [code, STATUS_BY_CODE[code as keyof typeof STATUS_BY_CODE]]),
      ),
    ).toEqual({
      administrator_keeps_totp: 403,
      disclosure_refused: 403,
      last_case_owner: 409,
      join_request_pending: 409,
      already_decided: 409,
      entity_not_merged: 409,
      case_title_ambiguous: 409,
      instrument_published_meanwhile: 409,
      client_id_taken: 409,
      screening_saved_meanwhile: 409,
      screening_changed_meanwhile: 409,
      consent_recorded_meanwhile: 409,
      totp_already_on: 409,
      totp_setup_not_started: 409,
    });
  });
});
