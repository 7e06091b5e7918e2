export { victimRoutes } from './victims.routes.ts';
export { loadPersonResource, type VictimResource } from './victims.access.ts';
export {
  consentInForce,
  isScreeningOf,
  referredIdentity,
  referredPerson,
  referredPersons,
  type ReferredPerson,
} from './victims.persons.service.ts';
