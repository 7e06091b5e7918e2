/** What tests outside the server (the command line's, the browser tests) use to build a server and its data. */
export * from './app-fixture.ts';
export * from '../platform/testing/test-database.ts';
export { appendAudit } from '../platform/audit/index.ts';
export type { RequestContext } from '../platform/context.ts';
