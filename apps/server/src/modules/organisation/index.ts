export { organisationModule } from './organisation.module.ts';
export { organisationRoutes } from './organisation.routes.ts';
export { findUnit, unitName } from './organisation.repository.ts';
