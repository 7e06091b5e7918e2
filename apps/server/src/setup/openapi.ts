import type { Database } from '@veza/db';
import { buildApp } from '../app.ts';
import { loadConfig } from '../platform/config.ts';

/**
 * The API's OpenAPI document as committed in openapi.json: built from the routes without a database
 * or a listening socket (registering routes reads no data), keys sorted and pretty-printed so that
 * the file changes only when the contract does.
 */
export async function openApiDocument(): Promise<string> {
  const config = loadConfig({
    VEZA_ENV: 'production',
    // Never used: nothing is sealed or opened while the document is built.
    VEZA_SECRET_KEY: '0'.repeat(64),
    VEZA_DATA_DIR: '/nonexistent/veza-openapi',
  });
  const database = { kind: 'postgresql' } as Database;
  const app = await buildApp({ database, config, webRoot: '/nonexistent/veza-web' });
  try {
    await app.ready();
    return `${JSON.stringify(sortKeys(app.swagger()), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
