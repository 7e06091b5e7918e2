import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/*
 * The web app's requests against the committed contract (openapi.json at the repository root, which
 * the server's own test keeps in step with its routes): every path the app calls exists, with the
 * method it uses. Request and response types come from @veza/shared's zod schemas already; what
 * could still drift is a path or a method, and that fails here.
 */

const contract = JSON.parse(readFileSync(new URL('../../../../openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, unknown>>;
};
const sources = import.meta.glob<string>(
  ['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts', '!../**/*.test.tsx'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** `/api/cases/{caseId}` and `/api/cases/${id}` both become `/api/cases/*`. */
function shape(path: string): string {
  return path
    .split('?')[0]!
    .replace(/\$\{[^}]*\}/g, '*')
    .replace(/\{[^}]+\}/g, '*');
}

const offered = new Map<string, Set<string>>();
for (const [path, operations] of Object.entries(contract.paths))
  offered.set(shape(path), new Set(Object.keys(operations).map((method) => method.toUpperCase())));

/** The rest of the call a path literal appears in: up to its closing parenthesis or the statement's end. */
function restOfCall(source: string, from: number): string {
  let depth = 0;
  for (let i = from; i < source.length; i += 1) {
    const char = source[i];
    if (char === '(' || char === '{' || char === '[') depth += 1;
    else if (char === ')' || char === '}' || char === ']') depth -= 1;
    if (depth < 0 || (depth === 0 && char === ';')) return source.slice(from, i);
  }
  return source.slice(from);
}

interface Call {
  file: string;
  path: string;
  method: string | null;
}

function methodOf(source: string, start: number, end: number): string | null {
  const before = source.slice(Math.max(0, start - 200), start);
  const method =
    /'(GET|POST|PUT|PATCH|DELETE)',\s*$/.exec(before)?.[1] ??
    /method: '([A-Z]+)'/.exec(restOfCall(source, end))?.[1] ??
    null;
  // `api(path)` without a method is a GET; other mentions (links, constants) only name the path.
  if (method === null && /\bapi(<[^(]*>)?\($/.test(before.trimEnd())) return 'GET';
  return method;
}

function callsIn(file: string, source: string): Call[] {
  const calls: Call[] = [];
  // Prefixes a file builds its paths on: `const path = (caseId: string) => `/api/cases/${caseId}`;`
  const prefixes = new Map<string, string>();
  for (const match of source.matchAll(/const (\w+) = (?:\([^)]*\)\s*=>\s*)?(['`])(\/api\/[^'`]*)\2/g))
    prefixes.set(match[1]!, match[3]!);
  for (const match of source.matchAll(/(['`])(\/api\/[^'`]*)\1/g)) {
    const start = match.index ?? 0;
    calls.push({ file, path: match[2]!, method: methodOf(source, start, start + match[0].length) });
  }
  for (const match of source.matchAll(/`\$\{(\w+)(?:\([^)]*\))?\}([^`]*)`/g)) {
    const prefix = prefixes.get(match[1]!);
    if (prefix === undefined) continue;
    const start = match.index ?? 0;
    calls.push({ file, path: prefix + match[2]!, method: methodOf(source, start, start + match[0].length) });
  }
  return calls;
}

const calls = Object.entries(sources).flatMap(([file, source]) => callsIn(file, source));

describe('the web app against the API contract', () => {
  it('finds the calls of every feature', () => {
    expect(calls.length).toBeGreaterThan(80);
    expect(calls.filter((call) => call.method !== null).length).toBeGreaterThan(70);
  });

  it('calls only paths the server offers, with methods it offers there', () => {
    const unknown = calls
      .filter((call) => {
        const methods = offered.get(shape(call.path));
        // A path the code goes on to extend (`${base}/history`) or a prefix it tests names no operation.
        if (!methods)
          return call.method !== null || ![...offered.keys()].some((p) => p.startsWith(shape(call.path)));
        return call.method !== null && !methods.has(call.method);
      })
      .map((call) => `${call.method ?? '(any)'} ${call.path} in ${call.file}`);
    expect(unknown).toEqual([]);
  });

  it('knows the methods it recognises', () => {
    expect(calls.every((call) => call.method === null || METHODS.includes(call.method))).toBe(true);
  });
});
