export { meRoutes } from './me.routes.ts';
export { presentMe } from './me.presenter.ts';
