export { chartModule } from './chart.module.ts';
export { chartRoutes } from './chart.routes.ts';
export { seedDemoChart } from './chart.seed.ts';
