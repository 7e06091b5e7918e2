import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReferralStatus, ReferralSummary } from '@veza/shared';
import { useFormat } from '../../i18n/format.ts';

const STATUS_COLOUR: Record<ReferralStatus, string> = {
  proposed: 'gray.8',
  sent: 'blue.9',
  accepted: 'grape.9',
  declined: 'red.9',
  in_service: 'grape.9',
  closed: 'gray.8',
};

/** Badge text wraps in narrow table cells instead of being cut off. */
const WRAPPING = {
  root: { height: 'auto', maxWidth: '100%' },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const;

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STATUS_COLOUR[status]} tt="none" styles={WRAPPING}>
      {t(`referral.statuses.${status}`)}
    </Badge>
  );
}

/** Where the referral goes: the provider at home, or the receiving jurisdiction and TRM-SEE procedure. */
export function useDestination(): (r: ReferralSummary) => string {
  const { t } = useTranslation();
  return (r) =>
    r.kind === 'national'
      ? r.provider
        ? `${r.provider.name}, ${r.provider.city}`
        : ''
      : `${t(`jurisdictions.${r.toJurisdiction ?? 'RS'}`)} · ${t(`referral.procedures.${r.procedure ?? 'identification'}`)}`;
}

/** The person as a referral shows them: pseudonymous reference, age group and sex, never a name. */
export function usePersonLabel(): (r: ReferralSummary) => string {
  const { t } = useTranslation();
  return (r) =>
    `${r.person.reference} · ${t(`referral.ageGroups.${r.person.ageGroup}`, { defaultValue: r.person.ageGroup })} · ${t(`referral.sexes.${r.person.sex}`, { defaultValue: r.person.sex })}`;
}

/** The reflection clock in a few words: days left, or the day it ended. */
export function useReflectionText(): (r: ReferralSummary) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (r) => {
    if (!r.reflection) return t('referral.reflectionNotStarted');
    return Date.parse(r.reflection.endsAt) < Date.now()
      ? t('referral.reflectionEnded', { date: format.date(r.reflection.endsAt) })
      : t('referral.daysLeft', { days: r.reflection.daysLeft });
  };
}
