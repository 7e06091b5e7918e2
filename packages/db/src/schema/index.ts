export * from './organisation.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './screening.ts';
export * from './investigation.ts';
export * from './victims.ts';
