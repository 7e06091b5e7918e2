export { exchangeModule } from './exchange.module.ts';
export { exchangeRoutes } from './exchange.routes.ts';
export { importFtm, findCaseByTitle } from './exchange.ftm-import.service.ts';
export type { FtmImportResult, Rejection } from './exchange.ftm-import.service.ts';
export { openImport, runImportJob } from './exchange.import.service.ts';
export type { ImportJob, ImportOutcome } from './exchange.import.service.ts';
export { exportCase } from './exchange.export.service.ts';
export { fileTypeOf, readTable } from './exchange.tables.ts';
export { insertDemoCallRows, insertDemoCalls } from './exchange.seed.ts';
export {
  callHeat,
  callPairsOfCase,
  callsPerDay,
  type CallDay,
  type CallHeat,
  type CallPairRow,
} from './exchange.calls.repository.ts';
