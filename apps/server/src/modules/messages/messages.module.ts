import type { ServerModule } from '../../platform/module.ts';
import { messagesRoutes } from './messages.routes.ts';
import { messagesPolicies } from './messages.policy.ts';
import { MESSAGES_ERRORS } from './messages.errors.ts';
import { messagesInbound } from './messages.inbound.ts';

/**
 * What this module brings to the server; listed in src/modules.ts. No calendar events: a message
 * has no deadline (yet).
 */
export const messagesModule: ServerModule = {
  name: 'messages',
  routes: [messagesRoutes],
  policies: messagesPolicies,
  errors: MESSAGES_ERRORS,
  inbound: messagesInbound,
};
