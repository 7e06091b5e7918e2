export { notificationRoutes } from './notifications.routes.ts';
export { notify, notifyAll, type NewNotification } from './notifications.service.ts';
