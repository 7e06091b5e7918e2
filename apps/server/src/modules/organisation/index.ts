export { organisationModule } from './organisation.module.ts';
export { organisationRoutes } from './organisation.routes.ts';
export { findUnitPlace, unitName, unitPlacements } from './organisation.repository.ts';
