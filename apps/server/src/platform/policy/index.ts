export { authorize } from './authorize.ts';
export { allowedActions, capabilities, decide, listScope, registerPolicy } from './engine.ts';
export { allow, deny } from './types.ts';
export type { Decision, JurisdictionScope, Resource, ResourcePolicy, ResourceType } from './types.ts';
