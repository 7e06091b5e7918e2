// Speed benchmark of the call-record import: a CSV of 1,000,000 call-detail records (5,000 distinct
// numbers written the ways operators write them) imported into one case through the same use case as
// the Import page and `veza import cdr` (read, check, one transaction, linkage, audit).
// Target: at most 60 s. Deterministic (seeded). Prints figures; not a test.
// Usage: tsx bench/exchange/calls.ts [rows=1000000]                 (PGlite in memory)
//        tsx bench/exchange/calls.ts [rows] postgres://postgres@127.0.0.1:5432/test
//        (creates a database of its own on that server and drops it afterwards)
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { seededRandom } from '../../packages/graph/src/index.ts';
import { createCase } from '../../apps/server/src/modules/cases/index.ts';
import { openImport, runImportJob } from '../../apps/server/src/modules/exchange/index.ts';
import { systemContext } from '../../apps/server/src/platform/context.ts';
import { runUseCase } from '../../apps/server/src/platform/run-use-case.ts';
import { upsertJurisdictions } from '../../apps/server/src/setup/setup.repository.ts';
import { createAccount } from '../../apps/server/src/testing/app-fixture.ts';
import { openTestDatabase } from '../../apps/server/src/platform/testing/test-database.ts';
import { actorOf, findAccountByEmail } from '../../apps/server/src/platform/auth/account.repository.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const serverUrl = process.argv[3];
if (serverUrl) process.env['TEST_DATABASE_URL'] = serverUrl;
else delete process.env['TEST_DATABASE_URL'];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** CPU milliseconds a process on this machine has used (utime + stime in /proc, 100 ticks a second). */
function backendCpu(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
let backendPid = 0;
let backendCpuBefore = 0;

function callsCsv(n: number): Buffer {
  const random = seededRandom(7);
  const numbers = Array.from({ length: 5000 }, (_, i) => {
    const subscriber = String(1_000_000 + ((i * 7919) % 9_000_000)).padStart(7, '0');
    const forms = [
      `+381 64 ${subscriber}`,
      `064/${subscriber}`,
      `00381 64 ${subscriber}`,
      `064 ${subscriber}`,
    ];
    return forms;
  });
  const lines = ['caller;callee;start;duration;cell'];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < n; i++) {
    const a = numbers[Math.floor(random() * numbers.length)]!;
    const b = numbers[Math.floor(random() * numbers.length)]!;
    const at = new Date(start + Math.floor(random() * 300 * 86_400_000))
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ');
    lines.push(
      `${a[i % 4]};${b[(i + 1) % 4]};${at};${Math.floor(random() * 900)};BG-${Math.floor(random() * 400)}`,
    );
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}

const database = await openTestDatabase();
try {
  await upsertJurisdictions(database.db);
  const officer = await createAccount(database, { roles: ['officer'], jurisdiction: 'RS' });
  const account = await findAccountByEmail(database.db, officer.email);
  const ctx = systemContext(actorOf(account!));
  const created = await runUseCase(database.db, ctx, (c, tx) =>
    createCase(tx, c, { title: 'Benchmark: call records', type: 'trafficking', handlingCode: 'H0' }),
  );
  const file = callsCsv(rows);
  console.log(
    `${database.kind}: ${rows.toLocaleString('en')} call records, CSV of ${Math.round(file.length / 1024 / 1024)} MB`,
  );
  const started = performance.now();
  const cpu = process.cpuUsage();
  let validatedAt = 0;
  const outcome = await runUseCase(database.db, ctx, async (c, tx) => {
    const { job } = await openImport(tx, c, created.id, {
      fileName: 'calls.csv',
      content: file.toString('base64'),
      target: 'calls',
      calls: { caller: 0, callee: 1, start: 2, duration: 3, cell: 4 },
      provenance: {
        source: 'Operator A, court order 12/2026',
        evaluationSource: 'B',
        evaluationInfo: 2,
        handlingCode: 'H0',
        kind: 'fact',
      },
    });
    if (database.kind === 'postgresql') {
      const result = (await tx.execute(sql`SELECT pg_backend_pid() AS pid`)) as unknown as {
        rows: { pid: number }[];
      };
      backendPid = Number(result.rows[0]?.pid);
      backendCpuBefore = backendCpu(backendPid);
    }
    const parsedAt = performance.now();
    console.log(`  read the file:            ${seconds(parsedAt - started)}`);
    const result = await runImportJob(tx, c, job, (processed) => {
      if (!validatedAt && processed >= Math.round(rows * 0.2)) validatedAt = performance.now();
    });
    console.log(`  check the rows:           ${seconds(validatedAt - parsedAt)}`);
    console.log(`  write phones and calls:   ${seconds(performance.now() - validatedAt)}`);
    return result;
  });
  const total = performance.now() - started;
  console.log(`  imported ${outcome.imported.toLocaleString('en')}, rejected ${outcome.rejected}`);
  const used = process.cpuUsage(cpu);
  const serverCpu = backendPid ? backendCpu(backendPid) - backendCpuBefore : 0;
  console.log(`  total (to commit):        ${seconds(total)}   target: at most 60 s`);
  console.log(`  CPU time of this process: ${seconds((used.user + used.system) / 1000)}`);
  if (backendPid) console.log(`  CPU time of the PostgreSQL backend: ${seconds(serverCpu)}`);
  console.log(
    `  load average at the end:  ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
} finally {
  await database.dispose();
}
