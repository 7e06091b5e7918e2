// Speed benchmark of the directory search (`searchContactPoints`, the three queries behind
// GET /api/directory: one page, the count, the overdue count) over 10,000 entries, on PostgreSQL and
// on PGlite, p50/p95/p99 per kind of question (target: p95 at most 50 ms on both). Entries carry
// invented officers' names from packages/demo in their own scripts (Serbian and Macedonian Cyrillic,
// Albanian, Bosnian, Croatian and Montenegrin Latin); the questions ask for them in the other script,
// with and without filters. The store is made with the real migrations in a database created for the
// run and dropped after it. Deterministic. Prints figures; not a test.
//
// Usage: tsx bench/directory/search.ts [engine=postgresql|pglite|both] [entries=10000] [samples=400]
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) must let the
// user create databases; the run uses and drops veza_bench_directory. PGlite: a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { directoryEntries, openDatabase, type Database } from '../../packages/db/src/index.ts';
import { generatePeople } from '../../packages/demo/src/people/index.ts';
import { transliterate, serbianCyrillicToLatin } from '../../packages/matching/src/index.ts';
import {
  DIRECTORY_FUNCTIONS,
  JURISDICTION_TIME_ZONES,
  type JurisdictionCode,
} from '../../packages/shared/src/index.ts';
import {
  searchContactPoints,
  searchKey,
  type DirectorySearch,
} from '../../apps/server/src/modules/directory/index.ts';

const engine = process.argv[2] ?? 'both';
const entryCount = Number(process.argv[3] ?? 10_000);
const sampleCount = Number(process.argv[4] ?? 400);
const SERVER_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = 'veza_bench_directory';
const AGENCY_ID = '0190a8a0-0000-7000-8000-0000000000d3';
const UNIT_ID = '0190a8a0-0000-7000-8000-0000000000d4';
const NOW = new Date('2026-12-07T12:00:00Z');
const LANGUAGES = ['sq', 'mk', 'sr', 'bs', 'hr', 'cnr', 'de', 'fr', 'it', 'ro'];

const people = generatePeople({ count: entryCount, seed: 20_261_207, duplicateRate: 0 }).records;

/** The name as another script writes it: Cyrillic to Latin, Latin to Serbian Cyrillic. */
function otherScript(name: string): string {
  if (/\p{Script=Cyrillic}/u.test(name))
    return /[ѓќѕ]/iu.test(name) ? transliterate(name, 'mk-official') : serbianCyrillicToLatin(name);
  const table: Record<string, string> = {
    lj: 'љ',
    nj: 'њ',
    dž: 'џ',
    a: 'а',
    b: 'б',
    c: 'ц',
    č: 'ч',
    ć: 'ћ',
    d: 'д',
    đ: 'ђ',
    e: 'е',
    f: 'ф',
    g: 'г',
    h: 'х',
    i: 'и',
    j: 'ј',
    k: 'к',
    l: 'л',
    m: 'м',
    n: 'н',
    o: 'о',
    p: 'п',
    r: 'р',
    s: 'с',
    š: 'ш',
    t: 'т',
    u: 'у',
    v: 'в',
    z: 'з',
    ž: 'ж',
  };
  return name.toLowerCase().replace(/lj|nj|dž|./g, (letter) => table[letter] ?? letter);
}

function entries() {
  return people.map((person, i) => {
    const jurisdiction = person.country as JurisdictionCode;
    const fn = DIRECTORY_FUNCTIONS[i % DIRECTORY_FUNCTIONS.length] ?? 'spoc';
    const organisation = `${fn.replace(/_/g, ' ')} ${jurisdiction} ${i % 37}`;
    const contactName = i % 5 === 0 ? null : (person.names[0] ?? null);
    const confirmed = new Date(NOW.getTime() - ((i * 7919) % 300) * 86_400_000);
    return {
      id: `0190a8a0-0000-7000-8001-${i.toString(16).padStart(12, '0')}`,
      jurisdictionCode: jurisdiction,
      function: fn,
      organisation,
      contactName,
      languages: ['en', LANGUAGES[i % LANGUAGES.length] as string],
      availability: { kind: 'always' as const, timeZone: JURISDICTION_TIME_ZONES[jurisdiction] },
      channels: [{ kind: 'phone' as const, address: '+381113062100' }],
      unitId: null,
      ownerUnitId: UNIT_ID,
      searchKey: searchKey(organisation, contactName),
      lastConfirmedAt: confirmed,
    };
  });
}

/** The questions asked, each kind in turn over the sampled entries. */
function questions(rows: ReturnType<typeof entries>): { kind: string; search: DirectorySearch }[] {
  const named = rows.filter((row) => row.contactName !== null);
  const asked: { kind: string; search: DirectorySearch }[] = [];
  for (let i = 0; i < sampleCount; i++) {
    const row = named[(i * 104_729) % named.length];
    if (!row?.contactName) continue;
    const surname = row.contactName.split(' ').at(-1) ?? row.contactName;
    const kind = [
      'name in the other script',
      'name and country',
      'function and country',
      'language and overdue',
    ][i % 4] as string;
    const search: DirectorySearch =
      kind === 'name in the other script'
        ? { q: otherScript(surname) }
        : kind === 'name and country'
          ? { q: otherScript(row.contactName), jurisdiction: row.jurisdictionCode }
          : kind === 'function and country'
            ? { function: row.function as DirectorySearch['function'], jurisdiction: row.jurisdictionCode }
            : { language: row.languages[1], overdueOnly: true };
    asked.push({ kind, search });
  }
  return asked;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function measure(database: Database, rows: ReturnType<typeof entries>): Promise<void> {
  const asked = questions(rows);
  // Warm-up: plans cached, pages in memory, as on a server that has been answering.
  for (const { search } of asked.slice(0, 40))
    await searchContactPoints(database.db, search, { limit: 50, offset: 0 }, NOW);
  const times = new Map<string, number[]>();
  let found = 0;
  let crossScriptHits = 0;
  let crossScriptAsked = 0;
  for (const { kind, search } of asked) {
    const started = performance.now();
    const answer = await searchContactPoints(database.db, search, { limit: 50, offset: 0 }, NOW);
    const took = performance.now() - started;
    times.set(kind, [...(times.get(kind) ?? []), took]);
    times.set('all', [...(times.get('all') ?? []), took]);
    found += answer.total;
    if (kind === 'name and country') {
      crossScriptAsked += 1;
      if (answer.total > 0) crossScriptHits += 1;
    }
  }
  for (const [kind, list] of times) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(
      `  ${kind.padEnd(26)} n=${String(sorted.length).padStart(4)}  p50 ${percentile(sorted, 50).toFixed(1)} ms  p95 ${percentile(sorted, 95).toFixed(1)} ms  p99 ${percentile(sorted, 99).toFixed(1)} ms`,
    );
  }
  console.log(
    `  full names asked in the other script and found: ${crossScriptHits}/${crossScriptAsked}; entries found in all ${found}`,
  );
}

async function administer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function run(label: string, open: () => Promise<{ database: Database; drop: () => Promise<void> }>) {
  console.log(`\n== ${label}: ${entryCount} entries, ${sampleCount} questions ==`);
  const { database, drop } = await open();
  try {
    await database.migrate();
    for (const statement of [
      `INSERT INTO jurisdictions (code, default_language) VALUES ('AL','sq'),('BA','bs'),('HR','hr'),
         ('XK','sq'),('ME','cnr'),('MK','mk'),('RS','sr-Cyrl') ON CONFLICT DO NOTHING`,
      `INSERT INTO agencies (id, name, kind, jurisdiction_code)
         VALUES ('${AGENCY_ID}', 'Bench', 'coordinator_office', 'RS')`,
      `INSERT INTO units (id, agency_id, name, kind) VALUES ('${UNIT_ID}', '${AGENCY_ID}', 'Bench', 'coordination')`,
    ])
      await database.db.execute(sql.raw(statement));
    const rows = entries();
    const started = performance.now();
    for (let i = 0; i < rows.length; i += 2_000)
      await database.db.insert(directoryEntries).values(rows.slice(i, i + 2_000));
    await database.db.execute(sql`ANALYZE directory_entries`);
    console.log(`  loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await measure(database, rows);
  } finally {
    await database.close();
    await drop();
  }
}

if (engine === 'postgresql' || engine === 'both') {
  await run('PostgreSQL', async () => {
    await administer(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await administer(`CREATE DATABASE ${BENCH_DB}`);
    const url = new URL(SERVER_URL);
    url.pathname = `/${BENCH_DB}`;
    const database = await openDatabase({ url: url.toString(), poolSize: 2 });
    return { database, drop: () => administer(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`) };
  });
}
if (engine === 'pglite' || engine === 'both') {
  await run('PGlite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'veza-bench-directory-'));
    const database = await openDatabase({ dataDir: dir });
    return { database, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  });
}
