export { generateScenario, DEFAULT_SEED } from './generate.ts';
export type { DemoAgency, DemoScenario, DemoUnit, DemoUser } from './generate.ts';
export { DEMO_ACCOUNTS, DEMO_DOMAIN } from './demo-accounts.ts';
export type { DemoAccount } from './demo-accounts.ts';
export { asciiFold, toLatin } from './script.ts';
