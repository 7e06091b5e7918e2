// Speed benchmark of the information requests' two hot paths, on PostgreSQL and on PGlite:
// 1. the clock sweep (`runRequestClocks`, run every minute by the server) over 100,000 open requests,
//    one run per minute of a simulated hour (target: every run at most 1 s, so a notice goes out at
//    most one timer interval, CLOCK_INTERVAL_MS = 60 s, plus one run after its moment);
// 2. one SPOC's inbox of 5,000 open requests sorted by time left (`listMyRequests`, what
//    GET /api/requests?box=inbox runs: the page and its count), p50/p95/p99 (target: p95 at most 100 ms).
// Requests are invented and deterministic; their clocks are spread so that the notices already due
// before the first run count as sent, as on a server that has been sweeping. The store is made with
// the real migrations in a database created for the run and dropped after it. Prints figures; not a test.
//
// Usage: tsx bench/requests/deadlines.ts [engine=postgresql|pglite|both] [open=100000] [inbox=5000] [samples=200]
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) must let the
// user create databases; the run uses and drops veza_bench_requests. PGlite: a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { informationRequests, openDatabase, type Database } from '../../packages/db/src/index.ts';
import { JURISDICTIONS, type JurisdictionCode } from '../../packages/shared/src/index.ts';
import '../../apps/server/src/policies.ts';
import { systemContext } from '../../apps/server/src/platform/context.ts';
import {
  answerDue,
  CLOCK_INTERVAL_MS,
  listMyRequests,
  nextNoticeAt,
  runRequestClocks,
} from '../../apps/server/src/modules/requests/index.ts';

const engine = process.argv[2] ?? 'both';
const openCount = Number(process.argv[3] ?? 100_000);
const inboxCount = Number(process.argv[4] ?? 5_000);
const sampleCount = Number(process.argv[5] ?? 200);
const SERVER_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = 'veza_bench_requests';
const NOW = new Date('2026-12-07T12:00:00Z');
const HOUR = 3_600_000;
const OTHER: JurisdictionCode[] = JURISDICTIONS.filter((code) => code !== 'ME');

/** Ids made here so that the SPOC unit and its agency are known before the rows. */
const id = (kind: number, n: number) =>
  `0190a8a0-0000-7000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;
const AGENCY = id(1, 1);
const UNITS = JURISDICTIONS.map((_, i) => id(2, i + 1));
const ME_SPOC = UNITS[JURISDICTIONS.indexOf('ME')] as string;
const USER = id(3, 1);

/** The notices whose moment had passed a minute before the first run: already sent. */
function sentBy(receivedAt: Date, dueAt: Date, at: Date): string[] {
  const elapsed = (at.getTime() - receivedAt.getTime()) / (dueAt.getTime() - receivedAt.getTime());
  return [
    ...(elapsed >= 0.5 ? ['50'] : []),
    ...(elapsed >= 0.8 ? ['80'] : []),
    ...(elapsed >= 1 ? ['breach'] : []),
  ];
}

function rows() {
  const made: (typeof informationRequests.$inferInsert)[] = [];
  for (let n = 0; n < openCount; n++) {
    // The first `inboxCount` are Montenegro's SPOC's; the rest spread over the other six.
    const to: JurisdictionCode = n < inboxCount ? 'ME' : (OTHER[n % OTHER.length] as JurisdictionCode);
    const from: JurisdictionCode = to === 'ME' ? (OTHER[n % OTHER.length] as JurisdictionCode) : 'ME';
    const urgency = n % 10 === 0 ? 'urgent_direct' : n % 10 < 3 ? 'urgent_indirect' : 'standard';
    const spanHours = urgency === 'urgent_direct' ? 8 : urgency === 'urgent_indirect' ? 72 : 168;
    // Received between just now and one and a half periods ago: some past the deadline already.
    const receivedAt = new Date(NOW.getTime() - ((n * 7919) % (spanHours * 90)) * (HOUR / 60));
    const { dueAt, period } = answerDue(urgency, receivedAt, to);
    const unit = UNITS[JURISDICTIONS.indexOf(to)] as string;
    const sent = sentBy(receivedAt, dueAt, new Date(NOW.getTime() - CLOCK_INTERVAL_MS));
    made.push({
      id: id(4, n),
      exchangeId: id(5, n),
      side: 'requested',
      reference: `${from}-2026-${String(n).padStart(6, '0')}`,
      status: n % 3 === 0 ? 'in_progress' : 'received',
      fromJurisdictionCode: from,
      fromUnitId: id(6, n),
      fromUnitName: null,
      toJurisdictionCode: to,
      toUnitId: unit,
      toUnitName: null,
      holderJurisdictionCode: to,
      holderUnitId: unit,
      urgency,
      period,
      sought: `Registered keeper of vehicle ${n}`,
      purpose: 'Benchmark',
      facts: 'Benchmark',
      offence: 'Trafficking in human beings',
      whyHeld: 'Benchmark',
      personLink: 'Benchmark',
      handlingCode: 'H0',
      evaluation: 'B2',
      language: 'en',
      channel: 'none',
      sentAt: receivedAt,
      receivedAt,
      dueAt,
      noticesSent: sent,
      nextNoticeAt: nextNoticeAt(receivedAt, dueAt, sent),
      createdAt: receivedAt,
      updatedAt: receivedAt,
    });
  }
  return made;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const figures = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms  p95 ${percentile(sorted, 95).toFixed(1)} ms  p99 ${percentile(sorted, 99).toFixed(1)} ms  max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`;
};

async function measure(database: Database): Promise<void> {
  // The sweep: one run per simulated minute for an hour.
  const sweeps: number[] = [];
  let notices = 0;
  const perRun: number[] = [];
  for (let minute = 0; minute < 60; minute++) {
    const started = performance.now();
    const result = await runRequestClocks(database.db, new Date(NOW.getTime() + minute * CLOCK_INTERVAL_MS));
    sweeps.push(performance.now() - started);
    notices += result.notices;
    perRun.push(result.notices);
  }
  const slowest = sweeps.indexOf(Math.max(...sweeps));
  console.log(`  clock sweep, ${openCount} open, 60 runs    ${figures(sweeps)}  (${notices} notices)`);
  console.log(
    `    first run ${(sweeps[0] ?? 0).toFixed(1)} ms; slowest is run ${slowest + 1} (${perRun[slowest]} notices; at most ${Math.max(...perRun)} in a run)`,
  );

  const spoc = systemContext({
    userId: USER,
    email: 'spoc@bench.example',
    displayName: 'Bench SPOC',
    roles: ['cooperation_officer'],
    unitId: ME_SPOC,
    agencyId: AGENCY,
    jurisdiction: 'ME',
    language: 'en',
  });
  for (let i = 0; i < 20; i++) await listMyRequests(database.db, spoc, { box: 'inbox', open: 'true' });
  const lists: number[] = [];
  let listed = 0;
  for (let i = 0; i < sampleCount; i++) {
    const started = performance.now();
    const page = await listMyRequests(database.db, spoc, { box: 'inbox', open: 'true' });
    lists.push(performance.now() - started);
    listed = page.total;
  }
  console.log(`  SPOC inbox, ${listed} open, first 200     ${figures(lists)}`);
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
  console.log(`\n== ${label}: ${openCount} open requests, ${inboxCount} in one SPOC's inbox ==`);
  const { database, drop } = await open();
  try {
    await database.migrate();
    await database.db.execute(
      sql.raw(`INSERT INTO jurisdictions (code, default_language) VALUES ('AL','sq'),('BA','bs'),('HR','hr'),
         ('XK','sq'),('ME','cnr'),('MK','mk'),('RS','sr-Cyrl') ON CONFLICT DO NOTHING`),
    );
    await database.db.execute(
      sql.raw(
        `INSERT INTO agencies (id, name, kind, jurisdiction_code) VALUES ('${AGENCY}', 'Bench', 'police', 'ME')`,
      ),
    );
    for (const unit of UNITS)
      await database.db.execute(
        sql.raw(
          `INSERT INTO units (id, agency_id, name, kind) VALUES ('${unit}', '${AGENCY}', 'SPOC', 'international_cooperation')`,
        ),
      );
    const made = rows();
    const started = performance.now();
    for (let i = 0; i < made.length; i += 1_000)
      await database.db.insert(informationRequests).values(made.slice(i, i + 1_000));
    await database.db.execute(sql`ANALYZE information_requests`);
    console.log(`  loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await measure(database);
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
    const dir = mkdtempSync(join(tmpdir(), 'veza-bench-requests-'));
    const database = await openDatabase({ dataDir: dir });
    return { database, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  });
}
