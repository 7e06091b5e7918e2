/** What the `veza` command and other packages use from the server. */
// The command line decides through the same policies as the server (runAs, exports, imports).
import './policies.ts';
export { buildApp, DEFAULT_WEB_ROOT } from './app.ts';
export type { BuildAppOptions } from './app.ts';
export { ConfigError, loadConfig, parseSecretKey } from './platform/config.ts';
export type { Config, VezaEnvironment } from './platform/config.ts';
export { createFirstAdministrator } from './setup/first-administrator.ts';
export type { FirstAdministrator, FirstAdministratorInput } from './setup/first-administrator.ts';
export { seedDemo } from './setup/seed-demo.ts';
export type { SeedDemoOptions, SeedDemoResult } from './setup/seed-demo.ts';
export { openConfiguredDatabase, startServer } from './setup/start-server.ts';
export type { StartedServer } from './setup/start-server.ts';
export { upsertJurisdictions } from './setup/setup.repository.ts';
export { verifyAuditChain } from './platform/audit/index.ts';
export { runAs } from './platform/run-as.ts';
export { exportCase, findCaseByTitle, importFtm } from './modules/exchange/index.ts';
export type { FtmImportResult, Rejection } from './modules/exchange/index.ts';
export type { AuditAnchor } from './platform/audit/index.ts';
