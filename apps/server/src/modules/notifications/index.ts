export { notificationRoutes } from './notifications.routes.ts';
export { notify, type NewNotification } from './notifications.service.ts';
