export * from './scenario/index.ts';
export * from './investigation/index.ts';
