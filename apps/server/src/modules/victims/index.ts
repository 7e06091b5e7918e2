export { victimRoutes } from './victims.routes.ts';
export { loadPersonResource, type VictimResource } from './victims.access.ts';
export { consentInForce } from './victims.persons.service.ts';
