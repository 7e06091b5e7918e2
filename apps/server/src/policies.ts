import { MODULES } from './modules.ts';
import { registerPolicies } from './platform/policy/index.ts';

/*
 * The one place the modules' rules join the policy engine: each module of `src/modules.ts` that
 * declares policies. This file registers them when it is first evaluated, and an ES module is
 * evaluated once, so there is no second registration (the engine refuses one). Everything that
 * decides imports it before it serves: the HTTP app (app.ts), the package entry the command line
 * uses (index.ts), the test suites (testing/register-policies.ts, a vitest setup file) and the
 * policy tables (platform/policy/policy-table.testing.ts). Asking about a type nobody registered
 * throws "No policy registered for '<type>'".
 */
for (const module of MODULES) registerPolicies(module.policies ?? []);
