export { requestsModule } from './requests.module.ts';
export { answerDue, JURISDICTION_TIME_ZONE } from './requests.deadline.ts';
export { runRequestClocks } from './requests.clock.ts';
export { seedDemoRequests } from './requests.seed.ts';
