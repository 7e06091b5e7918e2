#!/usr/bin/env node
// `npm test`: every suite in one go. Unit and integration tests always run (integration on PGlite,
// or on PostgreSQL when TEST_DATABASE_URL is set); the browser tests run when Debian's Chromium is
// installed (CI installs it; a newcomer without it is told, not failed). Ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const CHROMIUM = process.env.VEZA_CHROMIUM ?? '/usr/bin/chromium';
const SUITES = ['unit', 'integration', 'e2e'];
// `node scripts/test.mjs integration e2e` runs only those suites (CI's PostgreSQL pass: the unit
// tests do not touch a database, so they run once).
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !SUITES.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown suite ${unknown.join(', ')}; the suites are ${SUITES.join(', ')}.`);
  process.exit(2);
}
const projects = asked.length > 0 ? SUITES.filter((name) => asked.includes(name)) : [...SUITES];
if (projects.includes('e2e') && !existsSync(CHROMIUM)) {
  projects.splice(projects.indexOf('e2e'), 1);
  console.log(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium).`);
}

if (projects.includes('e2e') && !existsSync('apps/web/dist/index.html')) {
  const build = spawnSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const outDir = mkdtempSync(join(tmpdir(), 'veza-test-'));
let passed = 0;
let failed = 0;
let runnerFailed = false;
for (const project of projects) {
  const report = join(outDir, `${project}.json`);
  const run = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { stdio: 'inherit', env: process.env },
  );
  if (existsSync(report)) {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    printSlowest(project, result);
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    if (run.status !== 0 && result.numFailedTests === 0) runnerFailed = true;
  } else if (run.status !== 0) {
    runnerFailed = true;
  }
  if (run.status !== 0) console.log(`Suite "${project}" failed (exit ${run.status}).`);
}

if (runnerFailed) failed += 1; // a suite that crashed before reporting counts as a failure
if (process.env.VEZA_TEST_SUMMARY) appendFileSync(process.env.VEZA_TEST_SUMMARY, `${passed} ${failed}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

/** A slow test is a defect: name the ten slowest of the suite, with their files, after every run. */
function printSlowest(project, result) {
  const tests = result.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => typeof test.duration === 'number')
      .map((test) => ({ file: relative(process.cwd(), file.name), name: test.fullName, ms: test.duration })),
  );
  tests.sort((a, b) => b.ms - a.ms);
  const files = result.testResults.map((file) => ({
    file: relative(process.cwd(), file.name),
    ms: file.endTime - file.startTime,
  }));
  console.log(`\nThe ten slowest tests of "${project}":`);
  for (const test of tests.slice(0, 10)) {
    console.log(`${(test.ms / 1000).toFixed(2).padStart(8)} s  ${test.file} > ${test.name}`);
  }
  const total = files.reduce((sum, file) => sum + file.ms, 0);
  console.log(`(${tests.length} tests in ${files.length} files, ${(total / 1000).toFixed(1)} s in tests)\n`);
}
