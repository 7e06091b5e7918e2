import { describe, expect, it } from 'vitest';
import { isStorageFull } from './error-handler.ts';

describe('a full disk', () => {
  it('is recognised from PostgreSQL, PGlite and the file system, through wrapping errors', () => {
    const pg = Object.assign(new Error('could not extend file'), { code: '53100' });
    expect(isStorageFull(new Error('Failed query: insert ...', { cause: pg }))).toBe(true);
    expect(isStorageFull(new Error('could not write to file "base/5/1259": No space left on device'))).toBe(
      true,
    );
    expect(isStorageFull(Object.assign(new Error('write failed'), { code: 'ENOSPC' }))).toBe(true);
  });

  it('is not confused with other database errors', () => {
    expect(isStorageFull(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isStorageFull(undefined)).toBe(false);
  });
});
