export { DEMO_PROVIDERS, generateProviders } from './providers.ts';
export type { DemoProvider, ProviderTemplate } from './providers.ts';
