import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';

export function registerDemoCommands(program: Command): void {
  const demo = program
    .command('demo')
    .description('synthetic demo data (deterministic): load the scenario, or write people for benchmarks')
    .option('--scale <n>', 'multiply the number of people in every unit', parsePositiveInt, 1)
    .option('--seed <n>', 'seed of the generator', parsePositiveInt, 1)
    .action(async (options: { scale: number; seed: number }) => {
      const { loadConfig, openConfiguredDatabase, seedDemo } = await import('@veza/server');
      const config = loadConfig(process.env);
      if (config.env === 'production') throw new Error('demo data is refused when VEZA_ENV=production');
      const database = await openConfiguredDatabase(config);
      try {
        const result = await seedDemo(database, {
          password: config.demoPassword,
          scale: options.scale,
          seed: options.seed,
          secretKey: config.secretKey,
        });
        process.stdout.write(
          `Loaded the demo scenario: ${result.agencies} agencies, ${result.units} units, ${result.users} users.\n` +
            (result.generatedPassword ? `Password for every demo account: ${result.password}\n` : ''),
        );
      } finally {
        await database.close();
      }
    });

  demo
    .command('people')
    .description('write synthetic persons with planted duplicates as FollowTheMoney JSON lines')
    .option('--count <n>', 'how many person records', parsePositiveInt, 10_000)
    .option('--seed <n>', 'seed of the generator', parsePositiveInt, 1)
    .option('--duplicates <rate>', 'share of records that get a planted duplicate', parseRate, 0.1)
    .option('--out <file>', 'write here instead of standard output')
    .option('--truth <file>', 'also write the planted duplicate pairs (one "idA<TAB>idB" per line)')
    .action(
      async (options: { count: number; seed: number; duplicates: number; out?: string; truth?: string }) => {
        const out = options.out ? createWriteStream(options.out) : process.stdout;
        const truth = options.truth ? createWriteStream(options.truth) : null;
        const { writePeopleAsFtm } = await import('../people-export.ts');
        const written = await writePeopleAsFtm(
          { count: options.count, seed: options.seed, duplicateRate: options.duplicates },
          out,
          truth,
        );
        if (options.out) process.stderr.write(`Wrote ${written.records} people to ${options.out}.\n`);
      },
    );
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`expected a whole number of 1 or more, not "${value}"`);
  return n;
}

function parseRate(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`expected a number from 0 to 1, not "${value}"`);
  return n;
}
