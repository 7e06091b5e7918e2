import { useState } from 'react';
import {
  ActionIcon,
  Button,
  Center,
  Loader,
  Menu,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconDots, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { JURISDICTIONS, ROLES, type JurisdictionCode, type Role, type User } from '@veza/shared';
import { useFormat } from '../../i18n/format.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { Page } from '../../ui/Page.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { useCan } from '../auth/session.tsx';
import { adminApi, type TemporaryPassword } from './admin.api.ts';
import { useAgencies, useUnits } from './organisation.queries.ts';
import { TemporaryPasswordPanel } from './TemporaryPasswordPanel.tsx';
import { UserFormModal } from './UserFormModal.tsx';

const PAGE_SIZE = 25;

type Pending = { kind: 'resetPassword' | 'resetTotp' | 'revokeSessions'; user: User } | null;

export function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [jurisdiction, setJurisdiction] = useState<JurisdictionCode | ''>('');
  const [agencyId, setAgencyId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [status, setStatus] = useState<'active' | 'disabled' | ''>('');
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<User | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const [temporary, setTemporary] = useState<TemporaryPassword | null>(null);

  const agencies = useAgencies();
  const units = useUnits(agencyId || undefined);
  const filters = {
    q: debouncedQ || undefined,
    jurisdiction: jurisdiction || undefined,
    agencyId: agencyId || undefined,
    unitId: unitId || undefined,
    role: role || undefined,
    status: status || undefined,
    limit: PAGE_SIZE,
    offset,
  };
  const users = useQuery({
    queryKey: ['users', filters],
    queryFn: () => adminApi.users(filters),
    placeholderData: keepPreviousData,
  });

  const act = useMutation({
    mutationFn: async (p: NonNullable<Pending>) => {
      if (p.kind === 'resetPassword') return adminApi.resetPassword(p.user.id);
      if (p.kind === 'resetTotp') await adminApi.resetTotp(p.user.id);
      else await adminApi.revokeSessions(p.user.id);
      return null;
    },
    onSuccess: async (result, p) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      setPending(null);
      if (result) setTemporary(result);
      else notifySuccess(t(`users.done.${p.kind}`, { name: p.user.displayName }));
    },
  });

  const filterChanged =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setOffset(0);
    };

  const agencyOptions = (agencies.data ?? [])
    .filter((a) => !jurisdiction || a.jurisdiction === jurisdiction)
    .sort((a, b) => a.name.localeCompare(b.name));

  return (
    <Page
      title={t('users.title')}
      actions={
        can('user.manage') && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
          >
            {t('users.new')}
          </Button>
        )
      }
    >
      <Paper withBorder p="md" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <TextInput
            label={t('users.search')}
            type="search"
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            value={q}
            onChange={(e) => filterChanged(setQ)(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('fields.jurisdiction')}
            value={jurisdiction}
            onChange={(e) => {
              filterChanged(setJurisdiction)(e.currentTarget.value as JurisdictionCode | '');
              setAgencyId('');
              setUnitId('');
            }}
          >
            <option value="">{t('common.all')}</option>
            {JURISDICTIONS.map((code) => (
              <option key={code} value={code}>
                {t(`jurisdictions.${code}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('fields.agency')}
            value={agencyId}
            onChange={(e) => {
              filterChanged(setAgencyId)(e.currentTarget.value);
              setUnitId('');
            }}
          >
            <option value="">{t('common.all')}</option>
            {agencyOptions.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('fields.unit')}
            value={unitId}
            disabled={!agencyId}
            onChange={(e) => filterChanged(setUnitId)(e.currentTarget.value)}
          >
            <option value="">{t('common.all')}</option>
            {(units.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('fields.role')}
            value={role}
            onChange={(e) => filterChanged(setRole)(e.currentTarget.value as Role | '')}
          >
            <option value="">{t('common.all')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('fields.status')}
            value={status}
            onChange={(e) => filterChanged(setStatus)(e.currentTarget.value as 'active' | 'disabled' | '')}
          >
            <option value="">{t('common.all')}</option>
            <option value="active">{t('status.active')}</option>
            <option value="disabled">{t('status.disabled')}</option>
          </NativeSelect>
        </SimpleGrid>
      </Paper>

      {users.isError && <ErrorAlert error={users.error} />}
      {users.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : users.data ? (
        <Stack>
          <UsersTable
            users={users.data.items}
            onEdit={(user) => {
              setEditing(user);
              setFormOpen(true);
            }}
            onAction={(kind, user) => {
              act.reset();
              setPending({ kind, user });
            }}
          />
          <Pager
            label={t('users.pagination')}
            offset={offset}
            limit={PAGE_SIZE}
            total={users.data.total}
            onChange={setOffset}
          />
        </Stack>
      ) : null}

      <UserFormModal user={editing} opened={formOpen} onClose={() => setFormOpen(false)} />
      <ConfirmDialog
        opened={pending !== null}
        title={pending ? t(`users.confirm.${pending.kind}.title`) : ''}
        message={pending ? t(`users.confirm.${pending.kind}.text`, { name: pending.user.displayName }) : ''}
        confirmLabel={pending ? t(`users.actions.${pending.kind}`) : ''}
        danger
        loading={act.isPending}
        error={act.error}
        onClose={() => setPending(null)}
        onConfirm={() => pending && act.mutate(pending)}
      />
      <Modal
        opened={temporary !== null}
        onClose={() => setTemporary(null)}
        title={t('users.passwordResetTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {temporary && (
          <TemporaryPasswordPanel
            email={temporary.user.email}
            password={temporary.temporaryPassword}
            onDone={() => setTemporary(null)}
          />
        )}
      </Modal>
    </Page>
  );
}

function UsersTable({
  users,
  onEdit,
  onAction,
}: {
  users: User[];
  onEdit: (user: User) => void;
  onAction: (kind: NonNullable<Pending>['kind'], user: User) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (users.length === 0) return <Text py="md">{t('users.empty')}</Text>;
  return (
    <ScrollTable minWidth={880} label={t('users.tableCaption')}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>{t('users.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fields.name')}</Table.Th>
            <Table.Th scope="col">{t('fields.roles')}</Table.Th>
            <Table.Th scope="col">{t('fields.unitAndAgency')}</Table.Th>
            <Table.Th scope="col">{t('fields.jurisdiction')}</Table.Th>
            <Table.Th scope="col">{t('fields.status')}</Table.Th>
            <Table.Th scope="col">{t('fields.twoFactor')}</Table.Th>
            <Table.Th scope="col">{t('fields.lastSignIn')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => {
            const locked = user.lockedUntil !== null && new Date(user.lockedUntil) > new Date();
            const canManage = user.allowed.includes('user.manage');
            return (
              <Table.Tr key={user.id}>
                <Table.Th scope="row" fw={400}>
                  <Text fw={600} size="sm">
                    {user.displayName}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {user.email}
                  </Text>
                </Table.Th>
                <Table.Td>{user.roles.map((r) => t(`roles.${r}`)).join(', ')}</Table.Td>
                <Table.Td>
                  <Text size="sm">{user.unitName}</Text>
                  <Text size="sm" c="dimmed">
                    {user.agencyName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {user.jurisdiction ? t(`jurisdictions.${user.jurisdiction}`) : t('jurisdictions.regional')}
                </Table.Td>
                <Table.Td>
                  {t(`status.${user.status}`)}
                  {locked && (
                    <Text size="sm" c="red.9">
                      {t('users.lockedUntil', { time: format.dateTime(user.lockedUntil) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{user.totpEnabled ? t('common.on') : t('common.off')}</Table.Td>
                <Table.Td className="nowrap">
                  {user.lastSignInAt ? format.dateTime(user.lastSignInAt) : t('users.neverSignedIn')}
                </Table.Td>
                <Table.Td>
                  {canManage && (
                    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
                      <Menu.Target>
                        <ActionIcon
                          variant="default"
                          size="lg"
                          aria-label={t('users.actionsFor', { name: user.displayName })}
                        >
                          <IconDots size={18} aria-hidden="true" />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => onEdit(user)}>{t('users.actions.edit')}</Menu.Item>
                        <Menu.Item onClick={() => onAction('resetPassword', user)}>
                          {t('users.actions.resetPassword')}
                        </Menu.Item>
                        <Menu.Item onClick={() => onAction('resetTotp', user)}>
                          {t('users.actions.resetTotp')}
                        </Menu.Item>
                        <Menu.Item onClick={() => onAction('revokeSessions', user)}>
                          {t('users.actions.revokeSessions')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
