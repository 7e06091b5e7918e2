import type { AgencyKind, JurisdictionCode, Locale, Role, UnitKind } from '@veza/shared';

export const DEMO_DOMAIN = 'demo.veza.example';

/** A memorable account for newcomers, printed at start-up; the loader sets the password. */
export interface DemoAccount {
  email: string;
  displayName: string;
  roles: readonly Role[];
  jurisdiction: JurisdictionCode | null;
  language: Locale;
  /** Where the account sits: the first unit of this kind in an agency of this kind. */
  agencyKind: AgencyKind;
  unitKind: UnitKind;
  /** What to try with it, in one line. */
  description: string;
}

const account = (local: string, rest: Omit<DemoAccount, 'email'>): DemoAccount => ({
  email: `${local}@${DEMO_DOMAIN}`,
  ...rest,
});

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  account('admin', {
    displayName: 'Ana Kovač',
    roles: ['sysadmin'],
    jurisdiction: null,
    language: 'en',
    agencyKind: 'platform_operator',
    unitKind: 'administration',
    description: 'regional administrator: every agency, unit and user',
  }),
  account('admin.xk', {
    displayName: 'Arben Gashi',
    roles: ['sysadmin'],
    jurisdiction: 'XK',
    language: 'sq',
    agencyKind: 'ministry',
    unitKind: 'administration',
    description: 'national administrator of Kosovo*',
  }),
  account('dpo.al', {
    displayName: 'Drita Hoxha',
    roles: ['dpo'],
    jurisdiction: 'AL',
    language: 'sq',
    agencyKind: 'ministry',
    unitKind: 'data_protection',
    description: 'data protection officer: searches and verifies the audit trail of Albania',
  }),
  account('officer.rs', {
    displayName: 'Милица Јовановић',
    roles: ['officer'],
    jurisdiction: 'RS',
    language: 'sr-Cyrl',
    agencyKind: 'criminal_police',
    unitKind: 'trafficking',
    description: 'trafficking investigator, Serbian in Cyrillic',
  }),
  account('drugs.rs', {
    displayName: 'Nemanja Ilić',
    roles: ['officer'],
    jurisdiction: 'RS',
    language: 'sr-Latn',
    agencyKind: 'criminal_police',
    unitKind: 'drugs',
    description: 'drugs investigator, Serbian in Latin: links drug and trafficking cases',
  }),
  account('supervisor.rs', {
    displayName: 'Драган Петровић',
    roles: ['supervisor', 'trainer'],
    jurisdiction: 'RS',
    language: 'sr-Cyrl',
    agencyKind: 'criminal_police',
    unitKind: 'trafficking',
    description: 'head of the trafficking unit who also trains (two roles)',
  }),
  account('analyst.mk', {
    displayName: 'Елена Николовска',
    roles: ['analyst'],
    jurisdiction: 'MK',
    language: 'mk',
    agencyKind: 'criminal_police',
    unitKind: 'trafficking',
    description: 'criminal analyst, Macedonian',
  }),
  account('officer.xk', {
    displayName: 'Valon Berisha',
    roles: ['officer'],
    jurisdiction: 'XK',
    language: 'sq',
    agencyKind: 'border_police',
    unitKind: 'border',
    description: 'border police officer, Albanian',
  }),
  account('prosecutor.hr', {
    displayName: 'Ivana Horvat',
    roles: ['prosecutor'],
    jurisdiction: 'HR',
    language: 'hr',
    agencyKind: 'prosecution',
    unitKind: 'prosecution',
    description: 'prosecutor, Croatian',
  }),
  account('judge.me', {
    displayName: 'Vuk Radulović',
    roles: ['judge'],
    jurisdiction: 'ME',
    language: 'cnr',
    agencyKind: 'court',
    unitKind: 'court',
    description: 'judge: reads cases, never changes them',
  }),
  account('ngo.ba', {
    displayName: 'Amra Hadžić',
    roles: ['ngo_caseworker'],
    jurisdiction: 'BA',
    language: 'bs',
    agencyKind: 'ngo',
    unitKind: 'shelter',
    description: 'shelter caseworker: sees the people referred to her shelter',
  }),
  account('coordinator.me', {
    displayName: 'Jelena Vujović',
    roles: ['national_coordinator'],
    jurisdiction: 'ME',
    language: 'cnr',
    agencyKind: 'coordinator_office',
    unitKind: 'coordination',
    description: 'national anti-trafficking coordinator of Montenegro',
  }),
  account('trainer', {
    displayName: 'Besa Krasniqi',
    roles: ['trainer'],
    jurisdiction: null,
    language: 'en',
    agencyKind: 'international',
    unitKind: 'training',
    description: 'IOM trainer: courses, no case data',
  }),
  // The single point of contact of each jurisdiction receives and answers its information requests.
  account('spoc.al', {
    displayName: 'Erion Dervishi',
    roles: ['cooperation_officer'],
    jurisdiction: 'AL',
    language: 'sq',
    agencyKind: 'criminal_police',
    unitKind: 'international_cooperation',
    description: 'international police cooperation officer of the single point of contact, Albania, Albanian',
  }),
  account('spoc.ba', {
    displayName: 'Selma Mujić',
    roles: ['cooperation_officer'],
    jurisdiction: 'BA',
    language: 'bs',
    agencyKind: 'criminal_police',
    unitKind: 'international_cooperation',
    description:
      'international police cooperation officer of the single point of contact, Bosnia and Herzegovina, Bosnian',
  }),
  account('spoc.hr', {
    displayName: 'Marko Babić',
    roles: ['cooperation_officer'],
    jurisdiction: 'HR',
    language: 'hr',
    agencyKind: 'criminal_police',
    unitKind: 'international_cooperation',
    description: 'international police cooperation officer of the single point of contact, Croatia, Croatian',
  }),
  account('spoc.xk', {
    displayName: 'Liridona Krasniqi',
    roles: ['cooperation_officer'],
    jurisdiction: 'XK',
    language: 'sq',
    agencyKind: 'criminal_police',
    unitKind: 'international_cooperation',
    description: 'international police cooperation officer of the single point of contact, Kosovo*, Albanian',
  }),
  account('spoc.me', {
    displayName: 'Milena Đurović',
    roles: ['cooperation_officer'],
    jurisdiction: 'ME',
    language: 'cnr',
    agencyKind: 'criminal_police',
    unitKind: 'international_cooperation',
    description:
      'international police cooperation officer of the single point of contact, Montenegro, Montenegrin',
  }),
  account('spoc.mk', {
    displayName: 'Стефан Трајковски',
    roles: ['cooperation_officer'],
    jurisdiction: 'MK',
    language: 'mk',
    agencyKind: 'criminal_police',
    unitKind: 'international_cooperation',
    description:
      'international police cooperation officer of the single point of contact, North Macedonia, Macedonian',
  }),
  account('spoc.rs', {
    displayName: 'Бојана Стефановић',
    roles: ['cooperation_officer'],
    jurisdiction: 'RS',
    language: 'sr-Cyrl',
    agencyKind: 'criminal_police',
    unitKind: 'international_cooperation',
    description:
      'international police cooperation officer of the single point of contact, Serbia, Serbian in Cyrillic',
  }),
];
