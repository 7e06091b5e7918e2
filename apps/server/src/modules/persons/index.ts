export { personsModule } from './persons.module.ts';
export { personRoutes } from './persons.routes.ts';
export { loadPersonResource, signedIn, victimResource, type VictimResource } from './persons.access.ts';
export { findPerson, personAttributes, personReferences } from './persons.repository.ts';
export {
  consentInForce,
  isScreeningOf,
  referredIdentity,
  referredPerson,
  referredPersons,
  type ReferredPerson,
} from './persons.service.ts';
export type { PersonRow } from './persons.repository.ts';
