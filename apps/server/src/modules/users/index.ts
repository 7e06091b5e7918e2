export { usersModule } from './users.module.ts';
export { userRoutes } from './users.routes.ts';
