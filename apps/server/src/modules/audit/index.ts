export { auditModule } from './audit.module.ts';
export { auditRoutes } from './audit.routes.ts';
export { searchAuditTrail, verifyAuditTrail } from './audit.service.ts';
export { failedSignInsSince } from './audit.repository.ts';
