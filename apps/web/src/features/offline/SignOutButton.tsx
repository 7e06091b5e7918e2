import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe, useSession } from '../auth/session.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { clearOutbox, listOutbox } from './outbox.ts';
import { rememberPendingSignOut } from './pending-sign-out.ts';

/**
 * Sign-out that leaves no screening on the device: what the server already has is gone from the
 * outbox anyway; what it does not have yet is deleted too, after a warning that says how much.
 */
export function SignOutButton() {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const [unsent, setUnsent] = useState(0);
  const [busy, setBusy] = useState(false);

  async function leave() {
    setBusy(true);
    try {
      await clearOutbox(me.id);
    } finally {
      // Offline, the server never hears of it: the device ends the session there when it can.
      await signOut().catch(() => rememberPendingSignOut(me.id));
    }
  }

  async function ask() {
    const items = await listOutbox(me.id).catch(() => []);
    if (items.length > 0) setUnsent(items.length);
    else await leave();
  }

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconLogout size={16} aria-hidden="true" />}
        onClick={() => void ask()}
        loading={busy && unsent === 0}
      >
        {t('auth.signOut')}
      </Button>
      <ConfirmDialog
        opened={unsent > 0}
        title={t('offline.signOut.title')}
        message={t('offline.signOut.message', { count: unsent })}
        confirmLabel={t('offline.signOut.confirm')}
        onConfirm={() => void leave()}
        onClose={() => setUnsent(0)}
        loading={busy}
        danger
      />
    </>
  );
}
