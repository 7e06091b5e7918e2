import { useState } from 'react';
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  CATEGORY_KINDS,
  LOCALES,
  LOCALE_NATIVE_NAMES,
  PERSON_AGE_GROUPS,
  PERSON_CATEGORIES,
  PersonCreateSchema,
  SEXES,
  type CategoryKind,
  type Person,
  type PersonAgeGroup,
  type PersonCategory,
  type PersonCreate,
  type Sex,
} from '@veza/shared';
import { ErrorAlert, applyServerErrors } from '../../ui/errors.tsx';
import { zodResolver } from '../../ui/validation.ts';
import { NATIONALITIES, useNames } from '../screenings/languages.ts';
import { personsApi } from './persons.api.ts';

interface Values {
  category: PersonCategory;
  categoryKind: CategoryKind;
  sex: Sex;
  ageGroup: PersonAgeGroup;
  nationality: string;
  preferredLanguage: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  placeOfBirth: string;
  documentNumber: string;
  phone: string;
  address: string;
  guardianAppointed: boolean;
  guardianName: string;
  guardianRelation: string;
  guardianContact: string;
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

function toCreate(values: Values, screeningId: string | undefined): PersonCreate {
  const child = values.ageGroup !== 'adult';
  const guardian =
    child && (values.guardianName.trim() || values.guardianRelation.trim())
      ? {
          name: values.guardianName,
          relation: values.guardianRelation,
          ...(optional(values.guardianContact) ? { contact: values.guardianContact } : {}),
        }
      : undefined;
  const identity = Object.fromEntries(
    Object.entries({
      givenName: values.givenName,
      familyName: values.familyName,
      birthDate: optional(values.birthDate),
      placeOfBirth: optional(values.placeOfBirth),
      documentNumber: optional(values.documentNumber),
      phone: optional(values.phone),
      address: optional(values.address),
      guardian,
    }).filter(([, v]) => v !== undefined),
  ) as PersonCreate['identity'];
  return {
    category: values.category,
    categoryKind: values.categoryKind,
    sex: values.sex,
    ageGroup: values.ageGroup,
    ...(values.nationality ? { nationality: values.nationality } : {}),
    ...(values.preferredLanguage ? { preferredLanguage: values.preferredLanguage } : {}),
    identity,
    guardianAppointed: child && values.guardianAppointed,
    ...(screeningId ? { screeningId } : {}),
  };
}

/** Form paths from schema paths: `identity.guardian.name` -> `guardianName`. */
function fieldFor(path: string): string {
  if (path.startsWith('identity.guardian.')) {
    const rest = path.slice('identity.guardian.'.length);
    return `guardian${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
  }
  return path.startsWith('identity.') ? path.slice('identity.'.length) : path;
}

const FIELDS = [
  'category',
  'categoryKind',
  'sex',
  'ageGroup',
  'nationality',
  'preferredLanguage',
  'givenName',
  'familyName',
  'birthDate',
  'placeOfBirth',
  'documentNumber',
  'phone',
  'address',
  'guardianName',
  'guardianRelation',
  'guardianContact',
  'screeningId',
];

/**
 * Records the person met in a screening: the data-subject category and whether it is a fact or an
 * assessment, what statistics need in clear, and the identity, which the server encrypts.
 */
export function PersonForm({
  screeningId,
  childHint,
  onCancel,
  onCreated,
}: {
  screeningId?: string;
  childHint?: boolean;
  onCancel: () => void;
  onCreated: (person: Person) => void;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const form = useForm<Values>({
    initialValues: {
      category: 'presumed_victim',
      categoryKind: 'assessment',
      sex: 'unknown',
      ageGroup: childHint ? 'child' : 'unknown',
      nationality: '',
      preferredLanguage: '',
      givenName: '',
      familyName: '',
      birthDate: '',
      placeOfBirth: '',
      documentNumber: '',
      phone: '',
      address: '',
      guardianAppointed: false,
      guardianName: '',
      guardianRelation: '',
      guardianContact: '',
    },
    validate: zodResolver(PersonCreateSchema, t, (values: Values) => toCreate(values, screeningId), fieldFor),
  });
  const create = useMutation({
    mutationFn: (values: Values) => personsApi.create(toCreate(values, screeningId)),
    onSuccess: async (person) => {
      await queryClient.invalidateQueries({ queryKey: ['persons'] });
      await queryClient.invalidateQueries({ queryKey: ['screenings'] });
      onCreated(person);
    },
    onError: (error) => {
      const mapped = {
        setFieldError: (path: string, message: string) => form.setFieldError(fieldFor(path), message),
      };
      if (!applyServerErrors(mapped, error, t, {}, [...FIELDS, 'identity'])) setUnplaced(error);
    },
  });
  const child = form.values.ageGroup !== 'adult';

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setUnplaced(null);
        create.mutate(values);
      })}
    >
      <Stack>
        <Text size="sm">{t('persons.formIntro')}</Text>
        <ErrorAlert error={unplaced} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('persons.category')} required {...form.getInputProps('category')}>
            {PERSON_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`persons.categories.${c}`)}
              </option>
            ))}
          </NativeSelect>
          <Radio.Group
            label={t('persons.categoryKind')}
            description={t('persons.categoryKindHint')}
            required
            {...form.getInputProps('categoryKind')}
          >
            <Group mt="xs">
              {CATEGORY_KINDS.map((kind) => (
                <Radio key={kind} value={kind} label={t(`persons.categoryKinds.${kind}`)} />
              ))}
            </Group>
          </Radio.Group>
          <NativeSelect label={t('persons.sex')} required {...form.getInputProps('sex')}>
            {SEXES.map((s) => (
              <option key={s} value={s}>
                {t(`persons.sexes.${s}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('persons.ageGroup')}
            description={t('persons.ageGroupHint')}
            required
            {...form.getInputProps('ageGroup')}
          >
            {PERSON_AGE_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`persons.ageGroups.${g}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect label={t('persons.nationality')} {...form.getInputProps('nationality')}>
            <option value="">{t('persons.notKnown')}</option>
            {NATIONALITIES.map((code) => (
              <option key={code} value={code}>
                {names.country(code)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect label={t('persons.preferredLanguage')} {...form.getInputProps('preferredLanguage')}>
            <option value="">{t('persons.notKnown')}</option>
            {LOCALES.map((code) => (
              <option key={code} value={code}>
                {LOCALE_NATIVE_NAMES[code]}
              </option>
            ))}
          </NativeSelect>
        </SimpleGrid>

        <Fieldset legend={t('persons.identityLegend')}>
          <Text size="sm" mb="sm">
            {t('persons.identityHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('persons.givenName')}
              required
              maxLength={100}
              {...form.getInputProps('givenName')}
            />
            <TextInput
              label={t('persons.familyName')}
              required
              maxLength={100}
              {...form.getInputProps('familyName')}
            />
            <TextInput type="date" label={t('persons.birthDate')} {...form.getInputProps('birthDate')} />
            <TextInput
              label={t('persons.placeOfBirth')}
              maxLength={200}
              {...form.getInputProps('placeOfBirth')}
            />
            <TextInput
              label={t('persons.documentNumber')}
              maxLength={50}
              {...form.getInputProps('documentNumber')}
            />
            <TextInput
              type="tel"
              label={t('persons.phone')}
              maxLength={50}
              {...form.getInputProps('phone')}
            />
            <TextInput label={t('persons.address')} maxLength={300} {...form.getInputProps('address')} />
          </SimpleGrid>
        </Fieldset>

        {child && (
          <Fieldset legend={t('persons.guardianLegend')}>
            <Stack gap="sm">
              <Checkbox
                label={t('persons.guardianAppointed')}
                {...form.getInputProps('guardianAppointed', { type: 'checkbox' })}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('persons.guardianName')}
                  maxLength={200}
                  {...form.getInputProps('guardianName')}
                />
                <TextInput
                  label={t('persons.guardianRelation')}
                  maxLength={100}
                  {...form.getInputProps('guardianRelation')}
                />
                <TextInput
                  label={t('persons.guardianContact')}
                  maxLength={200}
                  {...form.getInputProps('guardianContact')}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('persons.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
