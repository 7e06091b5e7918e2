export { authorize } from './authorize.ts';
export {
  allowedActions,
  capabilities,
  decide,
  identify,
  listScope,
  registerPolicies,
  registerPolicy,
  registerPolicySource,
} from './engine.ts';
export { allow, deny } from './types.ts';
export type {
  AnyResourcePolicy,
  AuditIdentity,
  Decision,
  JurisdictionScope,
  Resource,
  ResourceKinds,
  ResourceOf,
  ResourcePolicy,
  ResourceType,
  ScopePart,
} from './types.ts';
