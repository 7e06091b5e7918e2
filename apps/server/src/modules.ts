import type { ServerModule } from './platform/module.ts';
import { authModule } from './modules/auth/index.ts';
import { meModule } from './modules/me/index.ts';
import { organisationModule } from './modules/organisation/index.ts';
import { usersModule } from './modules/users/index.ts';
import { auditModule } from './modules/audit/index.ts';
import { indicatorsModule } from './modules/indicators/index.ts';
import { screeningsModule } from './modules/screenings/index.ts';
import { personsModule } from './modules/persons/index.ts';
import { casesModule } from './modules/cases/index.ts';
import { entitiesModule } from './modules/entities/index.ts';
import { linkageModule } from './modules/linkage/index.ts';
import { chartModule } from './modules/chart/index.ts';
import { exchangeModule } from './modules/exchange/index.ts';
import { notificationsModule } from './modules/notifications/index.ts';
import { statisticsModule } from './modules/statistics/index.ts';
import { documentsModule } from './modules/documents/index.ts';
import { referralModule } from './modules/referral/index.ts';
import { requestsModule } from './modules/requests/index.ts';
import { directoryModule } from './modules/directory/index.ts';
import { calendarModule } from './modules/calendar/index.ts';
import { messagesModule } from './modules/messages/index.ts';

/**
 * Every capability of the server, one line each. A new module adds its line here and nothing else
 * outside its own folder: app.ts registers its routes in this order, the policy engine its rules,
 * the problem+json layer its error codes, and the server start its reference data and timers.
 * A function, not a constant: the modules import the platform, which reads this list, so it is read
 * only once everything is loaded (as an array built at import time it could hold a module not yet
 * initialised, as the bundled command line showed).
 */
export function serverModules(): readonly ServerModule[] {
  return [
    authModule,
    meModule,
    organisationModule,
    usersModule,
    auditModule,
    indicatorsModule,
    screeningsModule,
    personsModule,
    casesModule,
    entitiesModule,
    linkageModule,
    chartModule,
    exchangeModule,
    notificationsModule,
    statisticsModule,
    documentsModule,
    referralModule,
    requestsModule,
    directoryModule,
    calendarModule,
    messagesModule,
  ];
}
