import { serverModules } from './modules.ts';
import { registerPolicySource } from './platform/policy/index.ts';

/*
 * The one place the modules' rules join the policy engine: each module of `src/modules.ts` that
 * declares policies. This file gives the engine the list when it is first evaluated (an ES module is
 * evaluated once, so there is no second registration, which the engine refuses); the engine reads it
 * at its first decision. Everything that
 * decides imports it before it serves: the HTTP app (app.ts), the package entry the command line
 * uses (index.ts), the test suites (testing/register-policies.ts, a vitest setup file) and the
 * policy tables (platform/policy/policy-table.testing.ts). Asking about a type nobody registered
 * throws "No policy registered for '<type>'".
 */
registerPolicySource(() => serverModules().flatMap((module) => module.policies ?? []));
