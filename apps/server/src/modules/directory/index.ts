export { directoryModule } from './directory.module.ts';
export { directoryRoutes } from './directory.routes.ts';
export { runDirectoryReminders } from './directory.reminders.ts';
export { seedDemoDirectory } from './directory.seed.ts';
export {
  contactPointsOf,
  findContactPoint,
  searchContactPoints,
  type ContactPoint,
} from './directory.readers.ts';
export type { DirectorySearch } from './directory.service.ts';
export { searchKey } from './directory.search-key.ts';
