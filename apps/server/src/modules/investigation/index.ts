export { investigationRoutes } from './investigation.routes.ts';
export { importFtm, findCaseByTitle } from './investigation.import.service.ts';
export type { FtmImportResult, Rejection } from './investigation.import.service.ts';
export { exportCaseGraphML } from './investigation.export.service.ts';
export { seedDemoInvestigations } from './investigation.seed.ts';
