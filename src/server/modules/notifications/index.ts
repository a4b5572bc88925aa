/** Public surface of the notifications module: in-app, email and webhooks through an outbox. */
export { notificationJobs } from './notifications.jobs';
export { notificationsRoutes } from './notifications.routes';
export {
  createNotificationsService,
  type NotificationsService,
  type NotifyEvent,
} from './notifications.service';
