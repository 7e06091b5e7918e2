export { meModule } from './me.module.ts';
export { meRoutes } from './me.routes.ts';
export { presentMe } from './me.presenter.ts';
