export { organisationModule } from './organisation.module.ts';
export { organisationRoutes } from './organisation.routes.ts';
export {
  agencyJurisdiction,
  cooperationUnitOf,
  findUnitPlace,
  unitName,
  unitPlacements,
  unitOf,
  unitsOfAgency,
} from './organisation.repository.ts';
