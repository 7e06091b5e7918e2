import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/session.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { ForcedPasswordChange } from '../features/auth/ForcedPasswordChange.tsx';
import { ForcedTotpSetup } from '../features/auth/ForcedTotpSetup.tsx';
import { AppLayout } from './AppLayout.tsx';

/** Which screen the session allows: sign-in, a forced step, or the application. */
export function Gate() {
  const { t } = useTranslation();
  const { session } = useSession();
  if (session.status === 'loading') {
    return (
      <Center h="100vh" component="main">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (session.status === 'signedOut') return <SignInPage notice={session.notice} />;
  if (session.me.mustChangePassword) return <ForcedPasswordChange />;
  if (session.me.totpEnrolmentRequired) return <ForcedTotpSetup />;
  return <AppLayout />;
}
