export { organisationModule } from './organisation.module.ts';
export { organisationRoutes } from './organisation.routes.ts';
export {
  agencyJurisdiction,
  findUnitPlace,
  unitName,
  unitPlacements,
  unitsOfAgency,
} from './organisation.repository.ts';
