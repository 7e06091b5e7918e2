export { casesModule } from './cases.module.ts';
export { caseRoutes } from './cases.routes.ts';
export { createCase } from './cases.service.ts';
export { seedDemoCases } from './cases.seed.ts';
export {
  authorizedCase,
  caseResource,
  justificationFor,
  personResource,
  signedIn,
  visibleCaseIds,
} from './cases.access.ts';
export { findCase, listCasesInScope } from './cases.repository.ts';
export type { CaseMemberRow, CaseRow, LoadedCase } from './cases.repository.ts';
export { alreadyDecided, disclosureRefused, invalidCaseInput } from './cases.errors.ts';
export { demoCaseByTitle } from './cases.repository.ts';
export { caseOwners } from './cases.repository.ts';
export { casesOwnedBy, casesWithTeams } from './cases.linkage.repository.ts';
