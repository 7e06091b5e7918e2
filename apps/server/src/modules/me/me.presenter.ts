import type { Me, Role, UpcomingModule } from '@veza/shared';
import { actorOf, totpEnrolmentRequired, type Account } from '../../platform/auth/account.repository.ts';
import { allowedActions, capabilities } from '../../platform/policy/index.ts';

/**
 * Whose work each module in preparation concerns. These modules have no rules yet (nothing of them
 * can be done), so this says only whom the home page tells about them.
 */
const UPCOMING_FOR: Record<UpcomingModule, readonly Role[]> = {
  cooperation: ['officer', 'analyst', 'supervisor', 'prosecutor', 'judge', 'national_coordinator'],
  proceedings: ['prosecutor', 'judge'],
  training: ['trainer', 'national_coordinator', 'supervisor'],
};

export function presentMe(account: Account): Me {
  const actor = actorOf(account);
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    roles: account.roles,
    unit: account.unit,
    agency: account.agency,
    jurisdiction: account.jurisdiction,
    language: account.language,
    totpEnabled: account.totpSecret !== null,
    totpEnrolmentRequired: totpEnrolmentRequired(account),
    mustChangePassword: account.mustChangePassword,
    capabilities: capabilities(actor),
    allowed: allowedActions(actor, { type: 'account', userId: account.id }),
    upcoming: (Object.keys(UPCOMING_FOR) as UpcomingModule[]).filter((module) =>
      UPCOMING_FOR[module].some((role) => account.roles.includes(role)),
    ),
  };
}
