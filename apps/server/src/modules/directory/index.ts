export { directoryModule } from './directory.module.ts';
export { directoryRoutes } from './directory.routes.ts';
export { runDirectoryReminders } from './directory.reminders.ts';
export { seedDemoDirectory } from './directory.seed.ts';
export { contactPointsOf, findContactPoint, type ContactPoint } from './directory.readers.ts';
