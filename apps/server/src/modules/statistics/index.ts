export { statisticsModule } from './statistics.module.ts';
export { statisticsRoutes } from './statistics.routes.ts';
export { protect, tabulate } from './statistics.tabulate.ts';
export { REGIONAL_STATISTICS_ROLES } from './statistics.policy.ts';
