export { authModule } from './auth.module.ts';
export { authRoutes } from './auth.routes.ts';
