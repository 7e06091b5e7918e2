// Speed benchmark of matching on save (`linkEntities`, run by every entity save and import): a
// Person saved into a small case is matched by its match keys against a store of 1,000,000 entities
// (synthetic persons from packages/demo's people generator, with their phones and vehicles as
// entities of their own) spread over 10,000 cases of another unit, 1% of which the saving analyst
// may see. Half the saved persons are stored persons in another spelling (upper-case passport
// ASCII, or Cyrillic), so candidates are read and scored; half are new people. Each save runs in a
// transaction that is rolled back, so the store does not grow between samples. Prints p50/p95/p99
// of the matching itself and of the whole save use case (createEntity: policy, insert, audit,
// matching). Not a test.
//
// Usage: tsx bench/linkage/match-on-save.ts [engine=postgresql|pglite|both] [entities=1000000] [saves=2000]
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) must let the user
// create databases; the run creates and drops veza_bench_linkage. PGlite: files in a temporary folder.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase, type Database } from '../../packages/db/src/index.ts';
import { streamPeople, type SyntheticPerson } from '../../packages/demo/src/people/index.ts';
import { serbianToCyrillic } from '../../packages/demo/src/people/spellings.ts';
import {
  foldToAscii,
  normalisePhone,
  normalisePlate,
  parseDateOfBirth,
  prepareRecord,
} from '../../packages/matching/src/index.ts';
import type { RegionCountry } from '../../packages/matching/src/index.ts';
// The use cases below decide by the modules' policies, registered as at the server's start.
import '../../apps/server/src/policies.ts';
import type { Actor, RequestContext } from '../../apps/server/src/platform/context.ts';
import { systemContext } from '../../apps/server/src/platform/context.ts';
import { linkEntities, recordKeys } from '../../apps/server/src/modules/linkage/index.ts';
import {
  createEntity,
  insertEntities,
  insertStatements,
} from '../../apps/server/src/modules/entities/index.ts';

const engine = process.argv[2] ?? 'both';
const entityCount = Number(process.argv[3] ?? 1_000_000);
const saveCount = Number(process.argv[4] ?? 2000);
const SERVER_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const BENCH_DB = 'veza_bench_linkage';
const CASES = 10_000;
const VISIBLE_EVERY = 100;
const ROWS_PER_INSERT = 2000;
/** While tuning: BENCH_KEEP=1 keeps the store (PostgreSQL database or PGlite folder) after the run, BENCH_REUSE=1 measures it again. */
const KEEP = process.env['BENCH_KEEP'] === '1';
const REUSE = process.env['BENCH_REUSE'] === '1';

const AGENCY = '0190a8b0-0000-7000-8000-000000000001';
const OWNER_UNIT = '0190a8b0-0000-7000-8000-000000000002';
const ANALYST_UNIT = '0190a8b0-0000-7000-8000-000000000003';
const OWNER = '0190a8b0-0000-7000-8000-000000000004';
const ANALYST = '0190a8b0-0000-7000-8000-000000000005';
const OWN_CASE = '0190a8b0-0000-7000-8000-000000000006';
const caseId = (i: number): string => `0190a8b1-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
const entityId = (i: number): string => `0190a8b2-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;

const fmt = (n: number): string => n.toLocaleString('en');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const literal = (v: string | null): string => (v === null ? 'NULL' : `'${v.replace(/'/g, "''")}'`);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function exec(database: Database, text: string): Promise<void> {
  await database.db.execute(sql.raw(text));
}

async function timed(label: string, run: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await run();
  console.log(`  ${label.padEnd(48)} ${seconds(performance.now() - started)}`);
}

class Batch {
  private rows: string[] = [];
  count = 0;
  constructor(
    private readonly database: Database,
    private readonly head: string,
  ) {}
  async add(row: string): Promise<void> {
    this.rows.push(row);
    this.count++;
    if (this.rows.length >= ROWS_PER_INSERT) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const values = this.rows.join(',');
    this.rows = [];
    await exec(this.database, `${this.head} VALUES ${values}`);
  }
}

const STATEMENT_TAIL = `'Bench', 'B', 2, 'H0', 'fact', '${OWNER}'`;

/** Stores persons (phone and vehicle as entities too) until the store holds `entityCount` entities. */
async function load(database: Database): Promise<SyntheticPerson[]> {
  const indexes = (
    (await database.db.execute(
      sql.raw(`SELECT indexname, indexdef FROM pg_indexes
        WHERE tablename IN ('entities', 'statements', 'match_keys') AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_pk'`),
    )) as unknown as { rows: { indexname: string; indexdef: string }[] }
  ).rows;
  await exec(database, `SET session_replication_role = replica`);
  await exec(
    database,
    `INSERT INTO jurisdictions (code, default_language) VALUES ('RS', 'sr-Cyrl') ON CONFLICT DO NOTHING`,
  );
  await exec(
    database,
    `INSERT INTO agencies (id, name, kind, jurisdiction_code) VALUES ('${AGENCY}', 'MUP', 'criminal_police', 'RS')`,
  );
  await exec(
    database,
    `INSERT INTO units (id, agency_id, name, kind) VALUES
       ('${OWNER_UNIT}', '${AGENCY}', 'Odeljenje za suzbijanje narkotika', 'drugs'),
       ('${ANALYST_UNIT}', '${AGENCY}', 'Odeljenje za suzbijanje trgovine ljudima', 'trafficking')`,
  );
  await exec(
    database,
    `INSERT INTO users (id, email, display_name, unit_id, language, password_hash) VALUES
       ('${OWNER}', 'owner@bench.test', 'Marko Jovanović', '${OWNER_UNIT}', 'en', 'x'),
       ('${ANALYST}', 'analyst@bench.test', 'Jovana Petrović', '${ANALYST_UNIT}', 'en', 'x')`,
  );
  await exec(
    database,
    `INSERT INTO cases (id, reference, title, type, jurisdiction_code, owning_unit_id, handling_code, created_by)
     SELECT ('0190a8b1-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'RS-2026-' || lpad(i::text, 5, '0'),
            'Predmet ' || i, CASE WHEN i % 2 = 0 THEN 'drug_trafficking' ELSE 'trafficking' END, 'RS',
            '${OWNER_UNIT}', 'H0', '${OWNER}'
       FROM generate_series(0, ${CASES - 1}) AS i`,
  );
  await exec(
    database,
    `INSERT INTO cases (id, reference, title, type, jurisdiction_code, owning_unit_id, handling_code, created_by)
     VALUES ('${OWN_CASE}', 'RS-2026-99999', 'Operacija Jug', 'trafficking', 'RS', '${ANALYST_UNIT}', 'H0', '${ANALYST}')`,
  );
  await exec(
    database,
    `INSERT INTO case_members (case_id, user_id, role)
     SELECT ('0190a8b1-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, '${OWNER}', 'owner'
       FROM generate_series(0, ${CASES - 1}) AS i`,
  );
  await exec(
    database,
    `INSERT INTO case_members (case_id, user_id, role)
     SELECT ('0190a8b1-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, '${ANALYST}'::uuid, 'member'
       FROM generate_series(0, ${CASES - 1}, ${VISIBLE_EVERY}) AS i
     UNION ALL SELECT '${OWN_CASE}'::uuid, '${ANALYST}'::uuid, 'owner'`,
  );
  for (const { indexname } of indexes) await exec(database, `DROP INDEX ${indexname}`);
  await exec(database, `ALTER TABLE match_keys DROP CONSTRAINT match_keys_key_entity_id_pk`);

  const entities = new Batch(database, 'INSERT INTO entities (id, case_id, schema, caption, created_by)');
  const statements = new Batch(
    database,
    'INSERT INTO statements (id, entity_id, property, value, source, evaluation_source, evaluation_info, handling_code, kind, recorded_by)',
  );
  const keys = new Batch(database, 'INSERT INTO match_keys (key, entity_id, case_id)');
  const sample: SyntheticPerson[] = [];
  let n = 0;
  let persons = 0;
  const entity = async (c: string, schema: string, caption: string): Promise<string> => {
    const id = entityId(n++);
    await entities.add(`('${id}', '${c}', '${schema}', ${literal(caption)}, '${OWNER}')`);
    return id;
  };
  const say = (id: string, property: string, value: string) =>
    statements.add(`('${uuidv7()}', '${id}', '${property}', ${literal(value)}, ${STATEMENT_TAIL})`);
  const key = (id: string, c: string, k: string) => keys.add(`(${literal(k)}, '${id}', '${c}')`);
  await timed(`generate and insert ${fmt(entityCount)} entities`, async () => {
    for (const person of streamPeople({ count: entityCount, seed: 2026 })) {
      if (n >= entityCount) break;
      const c = caseId(persons % CASES);
      persons++;
      const name = person.names[0] ?? '';
      const id = await entity(c, 'Person', name);
      await say(id, 'name', name);
      for (const v of person.birthDates) await say(id, 'birthDate', v);
      await say(id, 'gender', person.gender);
      for (const v of person.nationalities) await say(id, 'nationality', v);
      for (const v of person.phones) await say(id, 'phone', v);
      for (const v of person.personalIds) await say(id, 'idNumber', v);
      for (const v of person.documents) await say(id, 'passportNumber', v);
      const record = prepareRecord({ ...person, country: 'RS' });
      for (const k of recordKeys('person', record)) await key(id, c, k);
      for (const phone of person.phones) {
        if (n >= entityCount) break;
        const e164 = normalisePhone(phone, person.country as RegionCountry);
        const pid = await entity(c, 'Phone', phone);
        await say(pid, 'number', phone);
        if (e164?.valid) await key(pid, c, `phone|${e164.e164}`);
      }
      for (const plate of person.plates) {
        if (n >= entityCount) break;
        const vid = await entity(c, 'Vehicle', plate);
        await say(vid, 'registrationNumber', plate);
        const compact = normalisePlate(plate)?.compact;
        if (compact) await key(vid, c, `vehicle|${compact}`);
      }
      if (persons % 500 === 7 && sample.length < saveCount) sample.push(person);
    }
    await entities.flush();
    await statements.flush();
    await keys.flush();
  });
  console.log(
    `  ${fmt(persons)} persons, ${fmt(statements.count)} statements, ${fmt(keys.count)} match keys`,
  );
  await exec(database, `SET session_replication_role = origin`);
  await timed(`rebuild ${indexes.length + 1} indexes of the migrations`, async () => {
    await exec(
      database,
      `ALTER TABLE match_keys ADD CONSTRAINT match_keys_key_entity_id_pk PRIMARY KEY (key, entity_id)`,
    );
    for (const { indexdef } of indexes) await exec(database, indexdef);
  });
  await timed('VACUUM ANALYZE', async () => {
    for (const table of ['entities', 'statements', 'match_keys', 'cases', 'case_members'])
      await exec(database, `VACUUM ANALYZE ${table}`);
  });
  return sample;
}

/** The persons `load` would have sampled, without storing anything (for BENCH_REUSE). */
function sampleOnly(): SyntheticPerson[] {
  const sample: SyntheticPerson[] = [];
  let n = 0;
  let persons = 0;
  for (const person of streamPeople({ count: entityCount, seed: 2026 })) {
    if (n >= entityCount) break;
    persons++;
    n += 1 + Math.min(person.phones.length, entityCount - n - 1) + person.plates.length;
    if (persons % 500 === 7 && sample.length < saveCount) sample.push(person);
  }
  return sample;
}

/** The API takes ISO dates; the generator writes them as records do (12.03.1985.). */
function isoDate(raw: string | undefined): string | null {
  const d = raw === undefined ? null : parseDateOfBirth(raw);
  if (!d) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return d.month
    ? d.day
      ? `${d.year}-${pad(d.month)}-${pad(d.day)}`
      : `${d.year}-${pad(d.month)}`
    : String(d.year);
}

/** Half stored persons in another spelling, half new people. */
function saves(
  stored: readonly SyntheticPerson[],
): { name: string; birthDate: string | null; phone: string | null }[] {
  const fresh = [...streamPeople({ count: saveCount, seed: 99 })];
  const out: { name: string; birthDate: string | null; phone: string | null }[] = [];
  for (let i = 0; i < saveCount; i++) {
    // Saves alternate between the two measurements: known and new people go to both.
    const known = Math.floor(i / 2) % 2 === 0 ? stored[Math.floor(i / 4) % stored.length] : undefined;
    const person = known ?? fresh[i] ?? fresh[0];
    if (!person) break;
    const name = person.names[0] ?? '';
    out.push({
      name: known
        ? i % 8 < 4
          ? foldToAscii(name).toUpperCase()
          : serbianToCyrillic(foldToAscii(name))
        : name,
      birthDate: isoDate(person.birthDates[0]),
      phone: known && i % 16 < 4 ? (person.phones[0] ?? null) : null,
    });
  }
  return out;
}

const ROLLBACK = new Error('rollback');

/** The server process of a PostgreSQL transaction's connection (none for PGlite, which runs in this one). */
async function backendPid(tx: Pick<Database['db'], 'execute'>, kind: Database['kind']): Promise<number> {
  if (kind !== 'postgresql') return 0;
  const result = (await tx.execute(sql.raw('SELECT pg_backend_pid() AS pid'))) as unknown as {
    rows: { pid: number }[];
  };
  return Number(result.rows[0]?.pid ?? 0);
}

/** CPU milliseconds a process of this machine has used (utime + stime in /proc, 100 ticks a second). */
function backendCpu(pid: number): number {
  if (pid === 0) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function measure(
  database: Database,
  label: string,
  sample: ReturnType<typeof saves>,
  ctx: RequestContext,
) {
  const statement = (property: string, value: string) => ({
    property,
    value,
    source: 'Bench',
    evaluationSource: 'B' as const,
    evaluationInfo: 2 as const,
    handlingCode: 'H0' as const,
    kind: 'fact' as const,
  });
  const matching: number[] = [];
  const wholeSave: number[] = [];
  /** CPU time of matching alone, this process and the database's: what the machine's load does not inflate much. */
  let nodeCpuMs = 0;
  let databaseCpuMs = 0;
  /** Saves of a known person, and of a new one, that gave a suggestion or a hit. */
  const found = [0, 0];
  for (const [i, s] of sample.entries()) {
    const input = {
      schema: 'Person',
      caption: s.name,
      statements: [
        statement('name', s.name),
        ...(s.birthDate ? [statement('birthDate', s.birthDate)] : []),
        ...(s.phone ? [statement('phone', s.phone)] : []),
      ],
    };
    await database.db
      .transaction(async (tx) => {
        if (i % 2 === 0) {
          const id = uuidv7();
          const now = new Date();
          await insertEntities(tx, [
            { id, caseId: OWN_CASE, schema: 'Person', caption: s.name, createdBy: ANALYST, createdAt: now },
          ]);
          await insertStatements(
            tx,
            input.statements.map((st) => ({
              id: uuidv7(),
              entityId: id,
              ...st,
              recordedBy: ANALYST,
              recordedAt: now,
            })),
          );
          const backend = await backendPid(tx, database.kind);
          const backendBefore = backendCpu(backend);
          const cpu = process.cpuUsage();
          const started = performance.now();
          const result = await linkEntities(tx, ctx, OWN_CASE, [id]);
          matching.push(performance.now() - started);
          const used = process.cpuUsage(cpu);
          nodeCpuMs += (used.user + used.system) / 1000;
          databaseCpuMs += backendCpu(backend) - backendBefore;
          const knownPerson = Math.floor(i / 2) % 2 === 0;
          if (result.suggestions + result.hits > 0)
            found[knownPerson ? 0 : 1] = (found[knownPerson ? 0 : 1] ?? 0) + 1;
        } else {
          const started = performance.now();
          await createEntity(tx, ctx, OWN_CASE, input);
          wholeSave.push(performance.now() - started);
        }
        throw ROLLBACK;
      })
      .catch((error: unknown) => {
        if (error !== ROLLBACK) throw error;
      });
  }
  const report = (what: string, values: number[]) => {
    const warm = values.slice(Math.min(50, Math.floor(values.length / 10))).sort((a, b) => a - b);
    console.log(
      `  ${label} ${what.padEnd(34)} p50 ${percentile(warm, 50).toFixed(1)} ms   p95 ${percentile(warm, 95).toFixed(1)} ms   p99 ${percentile(warm, 99).toFixed(1)} ms   (${warm.length} saves)`,
    );
  };
  // The cost of one round trip to the database in the same run: what the machine's load adds to each query.
  const roundTrips: number[] = [];
  for (let i = 0; i < 500; i++) {
    const started = performance.now();
    await database.db.execute(sql.raw('SELECT 1'));
    roundTrips.push(performance.now() - started);
  }
  report('one SELECT 1 round trip (baseline)', roundTrips);
  report('matching on save (linkEntities)', matching);
  report('whole save (createEntity)', wholeSave);
  const saves = matching.length;
  console.log(
    `  ${label} CPU time per matching save: ${(nodeCpuMs / saves).toFixed(1)} ms in this process${database.kind === 'postgresql' ? `, ${(databaseCpuMs / saves).toFixed(1)} ms in the PostgreSQL backend` : ' (the database runs inside it)'}`,
  );
  console.log(
    `  ${label} matching saves with a suggestion or hit: ${found[0]} of the known persons, ${found[1]} of the new (${matching.length / 2} each)`,
  );
}

async function run(kind: 'postgresql' | 'pglite'): Promise<void> {
  console.log(`\n${kind}: ${fmt(entityCount)} entities in ${fmt(CASES)} cases, ${fmt(saveCount)} saves`);
  let database: Database;
  let cleanup: () => Promise<void>;
  let reuse: boolean;
  if (kind === 'postgresql') {
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [BENCH_DB])).rowCount;
    reuse = REUSE && exists === 1;
    if (!reuse) {
      await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB}`);
      await admin.query(`CREATE DATABASE ${BENCH_DB}`);
    }
    const url = new URL(SERVER_URL);
    url.pathname = `/${BENCH_DB}`;
    database = await openDatabase({ url: url.toString(), poolSize: 2 });
    cleanup = async () => {
      await database.close();
      if (!KEEP) await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB}`);
      await admin.end();
    };
  } else {
    // Kept (BENCH_KEEP) and reused (BENCH_REUSE) in a fixed folder; otherwise a temporary one.
    const kept = join(tmpdir(), 'veza-bench-linkage-pglite');
    reuse = REUSE && existsSync(join(kept, 'PG_VERSION'));
    const dir = KEEP || reuse ? kept : mkdtempSync(join(tmpdir(), 'veza-bench-linkage-'));
    if (!reuse) rmSync(dir, { recursive: true, force: true });
    database = await openDatabase({ dataDir: dir });
    cleanup = async () => {
      await database.close();
      if (!KEEP) rmSync(dir, { recursive: true, force: true });
    };
  }
  try {
    await database.migrate();
    const stored = reuse ? sampleOnly() : await load(database);
    // Each run's rolled-back saves leave dead rows and index entries behind, and PGlite runs no
    // autovacuum: a store measured again is vacuumed first, so every run starts from the same state.
    if (reuse)
      await timed('VACUUM ANALYZE the store measured again', async () => {
        for (const table of [
          'match_keys',
          'entities',
          'statements',
          'linkage_hits',
          'notifications',
          'audit_log',
        ])
          await exec(database, `VACUUM ANALYZE ${table}`);
      });
    const actor: Actor = {
      userId: ANALYST,
      email: 'analyst@bench.test',
      displayName: 'Jovana Petrović',
      roles: ['analyst'],
      unitId: ANALYST_UNIT,
      agencyId: AGENCY,
      jurisdiction: 'RS',
      language: 'en',
    };
    await measure(database, kind, saves(stored), systemContext(actor));
  } finally {
    await cleanup();
  }
}

for (const kind of engine === 'both'
  ? (['postgresql', 'pglite'] as const)
  : [engine as 'postgresql' | 'pglite'])
  await run(kind);
