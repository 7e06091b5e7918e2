// `npm run openapi`: writes the API's OpenAPI document to openapi.json at the repository root.
// `npm run openapi -- --check`: fails (exit 1) when openapi.json is not what the routes say today.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '../apps/server/src/setup/openapi.ts';

const target = fileURLToPath(new URL('../openapi.json', import.meta.url));
const document = await openApiDocument();

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // A missing file is stale too.
  }
  if (committed !== document) {
    console.error('openapi.json is stale: run `npm run openapi` and commit the result.');
    process.exit(1);
  }
  console.log('openapi.json is up to date.');
} else {
  writeFileSync(target, document);
  console.log(`wrote ${target}`);
}
