import { useState } from 'react';
import { Button, Checkbox, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  LOCALES,
  LOCALE_NATIVE_NAMES,
  ROLES,
  UserCreateSchema,
  UserUpdateSchema,
  type Locale,
  type Role,
  type User,
  type UserCreate,
  type UserUpdate,
} from '@veza/shared';
import { ErrorAlert, applyServerErrors } from '../../ui/errors.tsx';
import { notifySuccess } from '../../ui/notify.ts';
import { zodResolver } from '../../ui/validation.ts';
import { adminApi, type TemporaryPassword } from './admin.api.ts';
import { TemporaryPasswordPanel } from './TemporaryPasswordPanel.tsx';
import { REGIONAL, UnitPicker, type JurisdictionChoice } from './UnitPicker.tsx';

interface Values {
  email: string;
  displayName: string;
  jurisdiction: JurisdictionChoice;
  agencyId: string;
  unitId: string;
  roles: Role[];
  language: Locale | '';
  status: 'active' | 'disabled';
}

const FIELDS = ['email', 'displayName', 'unitId', 'roles', 'language', 'status'] as const;

function toCreate(values: Values): UserCreate {
  return {
    email: values.email,
    displayName: values.displayName,
    unitId: values.unitId,
    roles: values.roles,
    ...(values.language ? { language: values.language } : {}),
  };
}

function toUpdate(values: Values, user: User): UserUpdate {
  const body: UserUpdate = {};
  if (values.displayName.trim() !== user.displayName) body.displayName = values.displayName;
  if (values.unitId !== user.unitId) body.unitId = values.unitId;
  const sameRoles =
    values.roles.length === user.roles.length && values.roles.every((r) => user.roles.includes(r));
  if (!sameRoles) body.roles = values.roles;
  if (values.language && values.language !== user.language) body.language = values.language;
  if (values.status !== user.status) body.status = values.status;
  return body;
}

/** Create a user (then show the temporary password once) or edit one. */
export function UserFormModal({
  user,
  opened,
  onClose,
}: {
  user: User | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <UserForm user={user} onClose={onClose} />}
    </Modal>
  );
}

function UserForm({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<TemporaryPassword | null>(null);
  const form = useForm<Values>({
    initialValues: {
      email: user?.email ?? '',
      displayName: user?.displayName ?? '',
      jurisdiction: user ? (user.jurisdiction ?? REGIONAL) : '',
      agencyId: user?.agencyId ?? '',
      unitId: user?.unitId ?? '',
      roles: user?.roles ?? [],
      language: user?.language ?? '',
      status: user?.status ?? 'active',
    },
    validate: user
      ? zodResolver(UserUpdateSchema, t, (values: Values) => ({
          displayName: values.displayName,
          unitId: values.unitId,
          roles: values.roles,
          ...(values.language ? { language: values.language } : {}),
          status: values.status,
        }))
      : zodResolver(UserCreateSchema, t, toCreate),
  });

  const save = useMutation({
    mutationFn: async (values: Values) => {
      if (user) {
        const body = toUpdate(values, user);
        if (Object.keys(body).length > 0) await adminApi.updateUser(user.id, body);
        return null;
      }
      return adminApi.createUser(toCreate(values));
    },
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      if (result) setCreated(result);
      else {
        notifySuccess(t('users.saved'));
        onClose();
      }
    },
    onError: (error) => {
      applyServerErrors(form, error, t, { email_taken: 'email', last_administrator: 'roles' }, FIELDS);
    },
  });

  if (created) {
    return (
      <TemporaryPasswordPanel
        email={created.user.email}
        password={created.temporaryPassword}
        onDone={onClose}
      />
    );
  }

  const errorShownOnForm = save.error && Object.keys(form.errors).length > 0;
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        {!errorShownOnForm && <ErrorAlert error={save.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('fields.email')}
            type="email"
            required={!user}
            disabled={Boolean(user)}
            autoComplete="off"
            {...form.getInputProps('email')}
          />
          <TextInput
            label={t('fields.displayName')}
            required
            autoComplete="off"
            {...form.getInputProps('displayName')}
          />
        </SimpleGrid>
        <UnitPicker
          value={{
            jurisdiction: form.values.jurisdiction,
            agencyId: form.values.agencyId,
            unitId: form.values.unitId,
          }}
          onChange={(choice) => {
            form.setValues(choice);
            form.clearFieldError('unitId');
          }}
          unitError={form.errors.unitId}
        />
        <Checkbox.Group label={t('fields.roles')} withAsterisk {...form.getInputProps('roles')}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} mt="xs">
            {ROLES.map((role) => (
              <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('fields.language')} {...form.getInputProps('language')}>
            {!user && <option value="">{t('users.languageFromJurisdiction')}</option>}
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {LOCALE_NATIVE_NAMES[locale]}
              </option>
            ))}
          </NativeSelect>
          {user && (
            <NativeSelect label={t('fields.status')} {...form.getInputProps('status')}>
              <option value="active">{t('status.active')}</option>
              <option value="disabled">{t('status.disabled')}</option>
            </NativeSelect>
          )}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {user ? t('common.save') : t('users.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
