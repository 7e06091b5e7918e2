export { notificationsModule } from './notifications.module.ts';
export { notificationRoutes } from './notifications.routes.ts';
export { notify, notifyAll, type NewNotification } from './notifications.service.ts';
