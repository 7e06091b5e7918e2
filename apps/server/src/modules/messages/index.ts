export { messagesModule } from './messages.module.ts';
export { seedDemoMessages } from './messages.seed.ts';
