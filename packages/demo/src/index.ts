export * from './scenario/index.ts';
export * from './investigation/index.ts';
export * from './requests/index.ts';
