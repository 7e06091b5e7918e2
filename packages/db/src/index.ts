export * from './client.ts';
export * from './schema/index.ts';
export * as schema from './schema/index.ts';
export * from './migration-state.ts';
export * from './directory-lock.ts';
export * from './snapshot.ts';
