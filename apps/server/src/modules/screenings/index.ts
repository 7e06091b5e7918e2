export { screeningsModule } from './screenings.module.ts';
export { screeningRoutes } from './screenings.routes.ts';
export { screeningResource, type ScreeningResource } from './screenings.access.ts';
export { displayNames, findScreening, screeningPersonId, updateScreening } from './screenings.repository.ts';
export type { ScreeningRow } from './screenings.repository.ts';
export { COORDINATOR_ROLES, createScope, decideCreate, homeAccess, homeScope } from './screenings.policy.ts';
export { exploitationTypesOf, screeningReference, screeningsInPeriod } from './screenings.repository.ts';
