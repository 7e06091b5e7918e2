// Speed benchmark of the case graph in the database: the two-hop neighbourhood of an entity
// (`twoHop`, the query behind GET /api/cases/:caseId/entities/:entityId/two-hop) in a store of
// 1,000,000 entities and 5,000,000 edges, on PostgreSQL and on PGlite, p50/p95/p99 over random
// start entities (target on PostgreSQL: p95 at most 50 ms). The store is made with the real
// migrations in a database created for the run and dropped after it; edges are generated in SQL
// (generate_series), within cases as in use (640 cases, from 500 to 100,000 entities; see casePlan),
// with a skewed degree distribution: most entities have a handful of edges, a few are hubs with
// thousands. Deterministic (setseed). Prints figures; not a test.
//
// Usage: tsx bench/graph/two-hop.ts [engine=postgresql|pglite|both] [entities=1000000] [edges=5000000]
//        [samples=2000] [limits=500,5000]
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) must let the
// user create databases; the run uses and drops veza_bench_graph. PGlite: files in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../../packages/db/src/index.ts';
import { twoHop } from '../../apps/server/src/modules/entities/index.ts';

const engine = process.argv[2] ?? 'both';
const entityCount = Number(process.argv[3] ?? 1_000_000);
const edgeCount = Number(process.argv[4] ?? 5_000_000);
const sampleCount = Number(process.argv[5] ?? 2000);
const limits = (process.argv[6] ?? '500,5000').split(',').map(Number);
const SERVER_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = 'veza_bench_graph';
/** Share of edge ends drawn from the skewed (hub) distribution; the rest are uniform. */
const HUB_SHARE = 0.3;
/** Skew of the hub distribution: id = n * u^SKEW, so low ids collect edges. */
const SKEW = 3;
/** Rows per INSERT ... SELECT, so PGlite's memory stays bounded. */
const CHUNK = 500_000;

const USER_ID = '0190a8a0-0000-7000-8000-000000000002';
const AGENCY_ID = '0190a8a0-0000-7000-8000-000000000003';
const UNIT_ID = '0190a8a0-0000-7000-8000-000000000004';

/** One end of a generated edge, 0 to n - 1 in its case: uniform, or (HUB_SHARE of the time) skewed to hubs. */
const endSql = (n: string): string =>
  `(CASE WHEN random() < ${HUB_SHARE} THEN floor(${n} * power(random(), ${SKEW}))
         ELSE floor(random() * ${n}) END)::bigint`;

interface CasePlan {
  no: number;
  first: number;
  size: number;
  firstEdge: number;
  edges: number;
}

/**
 * How the store is split into cases, as it is in use: edges join entities of one case only, and a
 * case's entities and edges are written together. One national operation holds a tenth of the
 * entities, nine large cases 2 % each, ninety 0.5 % each, the rest are small cases of 0.05 %;
 * each case has edges in proportion to its entities.
 */
function casePlan(entities: number, edges: number): CasePlan[] {
  const plan: CasePlan[] = [];
  let first = 0;
  const add = (share: number, count: number) => {
    const size = Math.max(50, Math.round(entities * share));
    for (let k = 0; k < count && first < entities; k++) {
      const taken = Math.min(size, entities - first);
      plan.push({ no: plan.length, first, size: taken, firstEdge: 0, edges: 0 });
      first += taken;
    }
  };
  add(0.1, 1);
  add(0.02, 9);
  add(0.005, 90);
  add(0.0005, Number.POSITIVE_INFINITY);
  let given = 0;
  plan.forEach((c, index) => {
    c.firstEdge = given;
    c.edges = index === plan.length - 1 ? edges - given : Math.round((edges * c.size) / entities);
    given += c.edges;
  });
  return plan;
}

/** Consecutive cases in groups of about CHUNK rows, so that PGlite's memory stays bounded. */
function batches(plan: readonly CasePlan[], rowsOf: (c: CasePlan) => number): CasePlan[][] {
  const out: CasePlan[][] = [];
  let current: CasePlan[] = [];
  let count = 0;
  for (const c of plan) {
    if (count > 0 && count + rowsOf(c) > CHUNK) {
      out.push(current);
      current = [];
      count = 0;
    }
    current.push(c);
    count += rowsOf(c);
  }
  if (current.length > 0) out.push(current);
  return out;
}
const fmt = (n: number): string => n.toLocaleString('en');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
/** The uuid of generated row i of a kind: deterministic, and in insertion order like uuid v7. */
const uuidSql = (kind: number, i: string): string =>
  `('0190a8a${kind}-0000-7000-8000-' || lpad(to_hex(${i}), 12, '0'))::uuid`;
const uuidOf = (kind: number, i: number): string =>
  `0190a8a${kind}-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** One statement at a time: PGlite's driver takes no multi-statement strings, VACUUM no transaction. */
async function rows<T>(database: Database, text: string): Promise<T[]> {
  const result: unknown = await database.db.execute(sql.raw(text));
  return (result as { rows: T[] }).rows;
}

async function exec(database: Database, text: string): Promise<void> {
  for (const statement of text.split(/;\s*\n/)) await database.db.execute(sql.raw(statement));
}

async function timed(label: string, run: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await run();
  console.log(`  ${label.padEnd(44)} ${seconds(performance.now() - started)}`);
}

/**
 * Fills the store. The migrations' own indexes on the two tables are dropped for the load and
 * rebuilt from their definitions after it (the usual bulk load; the same indexes the app uses), and
 * foreign-key triggers are skipped for the load (the rows are valid by construction).
 */
async function load(database: Database): Promise<void> {
  const indexes = await rows<{ indexname: string; indexdef: string }>(
    database,
    `SELECT indexname, indexdef FROM pg_indexes
      WHERE tablename IN ('entities', 'entity_edges') AND indexname NOT LIKE '%_pkey'`,
  );
  await exec(database, `SET session_replication_role = replica`);
  await exec(database, `SELECT setseed(0.42)`);
  await exec(
    database,
    `INSERT INTO jurisdictions (code, default_language) VALUES ('RS', 'sr-Cyrl') ON CONFLICT DO NOTHING;
     INSERT INTO agencies (id, name, kind, jurisdiction_code)
       VALUES ('${AGENCY_ID}', 'Bench', 'criminal_police', 'RS');
     INSERT INTO units (id, agency_id, name, kind) VALUES ('${UNIT_ID}', '${AGENCY_ID}', 'Bench', 'trafficking');
     INSERT INTO users (id, email, display_name, unit_id, language, password_hash)
       VALUES ('${USER_ID}', 'bench@veza.test', 'Bench', '${UNIT_ID}', 'en', 'x')`,
  );
  const plan = casePlan(entityCount, edgeCount);
  await exec(
    database,
    `INSERT INTO cases (id, reference, title, type, jurisdiction_code, owning_unit_id, handling_code, created_by)
     SELECT ${uuidSql(3, 'k')}, 'RS-2026-' || k, 'Bench ' || k, 'mixed', 'RS', '${UNIT_ID}', 'H0', '${USER_ID}'
       FROM generate_series(0, ${plan.length - 1}) AS k`,
  );
  for (const { indexname } of indexes) await exec(database, `DROP INDEX ${indexname}`);
  const values = (batch: readonly CasePlan[]) =>
    batch.map((c) => `(${c.no}, ${c.first}, ${c.size}, ${c.firstEdge}, ${c.edges})`).join(', ');
  await timed(`insert ${fmt(entityCount)} entities in ${fmt(plan.length)} cases`, async () => {
    for (const batch of batches(plan, (c) => c.size)) {
      await exec(
        database,
        `INSERT INTO entities (id, case_id, schema, caption, created_by)
         SELECT ${uuidSql(1, 'i')}, ${uuidSql(3, 'c.no')},
                (ARRAY['Person','Phone','Vehicle','Address','Company','Person','BankAccount'])[1 + i % 7],
                'Entity ' || i, '${USER_ID}'
           FROM (VALUES ${values(batch)}) AS c(no, first, size, first_edge, edges)
          CROSS JOIN LATERAL generate_series(c.first, c.first + c.size - 1) AS i`,
      );
    }
  });
  await timed(`insert ${fmt(edgeCount)} edges`, async () => {
    for (const batch of batches(plan, (c) => c.edges)) {
      await exec(
        database,
        `INSERT INTO entity_edges (id, case_id, source_id, target_id, relationship_id, label)
         SELECT ${uuidSql(2, 'c.first_edge + g.j')}, ${uuidSql(3, 'c.no')}, ${uuidSql(1, 'c.first + g.s')},
                ${uuidSql(1, 'c.first + CASE WHEN g.t = g.s THEN (g.t + 1) % c.size ELSE g.t END')},
                NULL, (ARRAY['UsesPhone','Drives','Associate','Ownership','Payment','Family','holder'])[1 + g.j % 7]
           FROM (VALUES ${values(batch)}) AS c(no, first, size, first_edge, edges)
          CROSS JOIN LATERAL (
            SELECT j, ${endSql('c.size')} AS s, ${endSql('c.size')} AS t FROM generate_series(0, c.edges - 1) AS j
          ) AS g`,
      );
    }
  });
  await exec(database, `SET session_replication_role = origin`);
  await timed(`rebuild ${indexes.length} indexes of the migrations`, async () => {
    for (const { indexdef } of indexes) await exec(database, indexdef);
  });
  await timed('VACUUM ANALYZE', () =>
    exec(database, `VACUUM ANALYZE entities;\n VACUUM ANALYZE entity_edges`),
  );
}

async function degrees(database: Database): Promise<string> {
  const [row] = await rows<{ p50: number; p99: number; max: number; isolated: number }>(
    database,
    `WITH d AS (
        SELECT id, count(*) AS n FROM (
          SELECT source_id AS id FROM entity_edges UNION ALL SELECT target_id FROM entity_edges) x
         GROUP BY id)
       SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS p50,
              percentile_disc(0.99) WITHIN GROUP (ORDER BY n) AS p99,
              max(n) AS max,
              ${entityCount} - count(*) AS isolated FROM d`,
  );
  return `degree p50 ${row?.p50}, p99 ${row?.p99}, max ${fmt(Number(row?.max))}, ${fmt(Number(row?.isolated))} entities without edges`;
}

async function measure(database: Database, limit: number): Promise<void> {
  let state = 7;
  const next = (): number => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  const starts = Array.from({ length: sampleCount }, () => uuidOf(1, Math.floor(next() * entityCount)));
  for (const id of starts.slice(0, 50)) await twoHop(database.db, id, { limit });
  const times: number[] = [];
  let nodes = 0;
  let edges = 0;
  let truncated = 0;
  const started = performance.now();
  for (const id of starts) {
    const t0 = performance.now();
    const found = await twoHop(database.db, id, { limit });
    times.push(performance.now() - t0);
    nodes += found.nodes.length;
    edges += found.edges.length;
    if (found.truncated) truncated++;
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  const f = (p: number): string => `${percentile(times, p).toFixed(2)} ms`;
  console.log(
    `  two-hop, ${fmt(sampleCount)} random starts, limit ${limit}:  p50 ${f(50)}, p95 ${f(95)}, p99 ${f(99)}, max ${times.at(-1)?.toFixed(1)} ms` +
      `  (mean ${Math.round(nodes / sampleCount)} nodes, ${Math.round(edges / sampleCount)} edges; ${((100 * truncated) / sampleCount).toFixed(1)}% cut at the limit; ${seconds(total)} in all)`,
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
  console.log(`\n== ${label}: ${fmt(entityCount)} entities, ${fmt(edgeCount)} edges ==`);
  const started = performance.now();
  const { database, drop } = await open();
  try {
    await database.migrate();
    await load(database);
    console.log(`  ${await degrees(database)}`);
    console.log(`  store ready in ${seconds(performance.now() - started)}`);
    for (const limit of limits) await measure(database, limit);
    console.log(`  peak RSS of this process ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  } finally {
    await database.close();
    await drop();
  }
}

async function main(): Promise<void> {
  if (engine === 'postgresql' || engine === 'both') {
    await run('PostgreSQL', async () => {
      await administer(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
      await administer(`CREATE DATABASE ${BENCH_DB}`);
      const url = new URL(SERVER_URL);
      url.pathname = `/${BENCH_DB}`;
      // One connection: the session settings of the load must hold for every statement of it.
      const database = await openDatabase({ url: url.toString(), poolSize: 1 });
      await database.db.execute(sql`SET maintenance_work_mem = '512MB'`);
      // BENCH_KEEP=1 leaves the database for EXPLAIN; the next run drops it first.
      const drop = () =>
        process.env['BENCH_KEEP']
          ? Promise.resolve()
          : administer(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
      return { database, drop };
    });
  }
  if (engine === 'pglite' || engine === 'both') {
    await run('PGlite', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'veza-bench-graph-'));
      const database = await openDatabase({ dataDir: dir });
      return { database, drop: async () => rmSync(dir, { recursive: true, force: true }) };
    });
  }
}

await main();
