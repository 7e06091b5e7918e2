import type { Me } from '@veza/shared';
import { actorOf, totpEnrolmentRequired, type Account } from '../../platform/auth/account.repository.ts';
import { capabilities } from '../../platform/policy/index.ts';

export function presentMe(account: Account): Me {
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
    capabilities: capabilities(actorOf(account)),
  };
}
