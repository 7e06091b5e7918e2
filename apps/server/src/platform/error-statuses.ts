import type { ErrorCode } from '@veza/shared';
import { serverModules } from '../modules.ts';
import { PLATFORM_STATUS_BY_CODE } from './errors.ts';

/*
 * The one place the modules' error codes meet the platform's. Each module declares its codes in
 * packages/shared/src/errors/<name>.ts and their statuses and titles in modules/<name>/<name>.errors.ts,
 * brought in by its entry in src/modules.ts. The maps are built on first use, not at import: the
 * modules themselves import the platform's HTTP layer, which reads these maps. A code without a
 * status or title fails error-statuses.test.ts.
 */

let statuses: Readonly<Record<ErrorCode, number>> | undefined;
let titles: Readonly<Partial<Record<ErrorCode, string>>> | undefined;

function moduleErrors(): [ErrorCode, { status: number; title: string }][] {
  return serverModules().flatMap(
    (module) => Object.entries(module.errors ?? {}) as [ErrorCode, { status: number; title: string }][],
  );
}

/** HTTP status per error code, the platform's and every module's. */
export function statusByCode(): Readonly<Record<ErrorCode, number>> {
  statuses ??= {
    ...PLATFORM_STATUS_BY_CODE,
    ...Object.fromEntries(moduleErrors().map(([code, error]) => [code, error.status])),
  } as Record<ErrorCode, number>;
  return statuses;
}

/** English titles of the modules' codes, for API users (problem.ts has the platform's). */
export function moduleTitles(): Readonly<Partial<Record<ErrorCode, string>>> {
  titles ??= Object.fromEntries(moduleErrors().map(([code, error]) => [code, error.title]));
  return titles;
}
