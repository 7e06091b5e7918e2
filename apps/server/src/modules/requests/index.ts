export { requestsModule } from './requests.module.ts';
export { answerDue, JURISDICTION_TIME_ZONE } from './requests.deadline.ts';
export { nextNoticeAt, runRequestClocks } from './requests.clock.ts';
export { seedDemoRequests } from './requests.seed.ts';
export { listMyRequests } from './requests.service.ts';
export { CLOCK_INTERVAL_MS } from './requests.timer.ts';
