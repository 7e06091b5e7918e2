#!/usr/bin/env node
// `npm test`: every suite in one go. Unit and integration tests always run (integration on PGlite,
// or on PostgreSQL when TEST_DATABASE_URL is set); the browser tests run when Debian's Chromium is
// installed (CI installs it; a newcomer without it is told, not failed). Ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = process.env.VEZA_CHROMIUM ?? '/usr/bin/chromium';
const projects = ['unit', 'integration'];
if (existsSync(CHROMIUM)) {
  projects.push('e2e');
} else {
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
