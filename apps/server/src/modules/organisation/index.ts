export { organisationModule } from './organisation.module.ts';
export { organisationRoutes } from './organisation.routes.ts';
export { cooperationUnitOf, unitName, unitOf } from './organisation.repository.ts';
