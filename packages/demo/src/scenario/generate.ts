import { JURISDICTIONS } from '@veza/shared';
import type { AgencyKind, JurisdictionCode, Locale, Role, UnitKind } from '@veza/shared';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { NAME_POOLS } from './names.ts';
import type { NameCulture } from './names.ts';
import { NATIONAL_AGENCIES, REGIONAL_AGENCIES } from './organisation.ts';
import type { AgencyTemplate } from './organisation.ts';
import { createRandom } from './random.ts';
import type { Random } from './random.ts';
import { asciiFold, toLatin } from './script.ts';

export interface DemoAgency {
  id: string;
  name: string;
  kind: AgencyKind;
  jurisdiction: JurisdictionCode | null;
}
export interface DemoUnit {
  id: string;
  agencyId: string;
  name: string;
  kind: UnitKind;
}
export interface DemoUser {
  id: string;
  email: string;
  displayName: string;
  unitId: string;
  roles: Role[];
  language: Locale;
  isDemoAccount: boolean;
}
export interface DemoScenario {
  agencies: DemoAgency[];
  units: DemoUnit[];
  users: DemoUser[];
}

export const DEFAULT_SEED = 20_250_101;

/** People per unit at scale 1: enough that every role exists in every jurisdiction. */
const HEADCOUNT: Readonly<Record<UnitKind, number>> = {
  trafficking: 5,
  drugs: 4,
  organised_crime: 3,
  border: 3,
  public_order: 3,
  prosecution: 2,
  court: 2,
  coordination: 2,
  international_cooperation: 3,
  shelter: 3,
  training: 2,
  data_protection: 1,
  administration: 2,
  other: 2,
};

const CULTURE: Readonly<Record<JurisdictionCode, NameCulture>> = {
  RS: 'sr',
  MK: 'mk',
  AL: 'sq',
  XK: 'sq',
  HR: 'hr',
  BA: 'bs',
  ME: 'cnr',
};

const NATIONAL_LANGUAGE: Readonly<Record<JurisdictionCode, Locale>> = {
  RS: 'sr-Cyrl',
  MK: 'mk',
  AL: 'sq',
  XK: 'sq',
  HR: 'hr',
  BA: 'bs',
  ME: 'cnr',
};

interface PlacedAgency {
  agency: DemoAgency;
  template: AgencyTemplate;
  units: DemoUnit[];
}

/**
 * The organisation of all seven jurisdictions and the regional bodies, with its staff. The same seed
 * and scale always give the same ids, names and e-mails; agencies and units do not depend on scale.
 */
export function generateScenario(options: { seed?: number; scale?: number } = {}): DemoScenario {
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const scale = Math.max(1, Math.floor(options.scale ?? 1));
  const placed: PlacedAgency[] = [
    ...JURISDICTIONS.flatMap((code) =>
      NATIONAL_AGENCIES[code].map((template) => place(random, template, code)),
    ),
    ...REGIONAL_AGENCIES.map((template) => place(random, template, null)),
  ];
  // The single points of contact came later: drawn from a stream of their own, they changed no id,
  // name or e-mail the scenario had before them.
  const cooperation = createRandom((options.seed ?? DEFAULT_SEED) ^ COOPERATION_STREAM);
  addCooperationUnits(cooperation, placed);
  const emails = new Set<string>();
  const users: DemoUser[] = [...demoUsers(random, cooperation, placed, emails)];
  for (const { agency, template, units } of placed) {
    for (const unit of units) {
      if (unit.kind === 'international_cooperation') continue;
      const count = HEADCOUNT[unit.kind] * scale;
      for (let index = 0; index < count; index += 1) {
        const roles = rolesFor(unit.kind, index);
        users.push(staffMember(random, { agency, domain: template.domain, unit, roles, emails }));
      }
    }
  }
  for (const { agency, template, units } of placed) {
    for (const unit of units.filter((u) => u.kind === 'international_cooperation')) {
      for (let index = 0; index < HEADCOUNT[unit.kind] * scale; index += 1) {
        const roles = rolesFor(unit.kind, index);
        users.push(staffMember(cooperation, { agency, domain: template.domain, unit, roles, emails }));
      }
    }
  }
  return { agencies: placed.map((p) => p.agency), units: placed.flatMap((p) => p.units), users };
}

const COOPERATION_STREAM = 0x5b0c;

/**
 * Each jurisdiction's single point of contact for international police cooperation (Directive
 * 2023/977 art. 14), in its criminal police: requests addressed to the jurisdiction land there.
 */
export const COOPERATION_UNIT_NAMES: Readonly<Record<JurisdictionCode, string>> = {
  AL: 'Drejtoria e Bashkëpunimit Ndërkombëtar Policor (SPOC)',
  BA: 'Odsjek za međunarodnu operativnu policijsku saradnju (SPOC)',
  HR: 'Služba za međunarodnu policijsku suradnju (SPOC)',
  XK: 'Divizioni për Bashkëpunim Ndërkombëtar Policor (SPOC)',
  ME: 'Odsjek za međunarodnu operativnu policijsku saradnju (SPOC)',
  MK: 'Сектор за меѓународна оперативна полициска соработка (SPOC)',
  RS: 'Одељење за међународну оперативну полицијску сарадњу (SPOC)',
};

function addCooperationUnits(random: Random, placed: PlacedAgency[]): void {
  for (const code of JURISDICTIONS) {
    const police = placed.find((p) => p.agency.jurisdiction === code && p.agency.kind === 'criminal_police');
    if (!police) throw new Error(`No criminal police in ${code} for its point of contact`);
    police.units.push({
      id: random.uuid(),
      agencyId: police.agency.id,
      name: COOPERATION_UNIT_NAMES[code],
      kind: 'international_cooperation',
    });
  }
}

function place(
  random: Random,
  template: AgencyTemplate,
  jurisdiction: JurisdictionCode | null,
): PlacedAgency {
  const agency: DemoAgency = { id: random.uuid(), name: template.name, kind: template.kind, jurisdiction };
  const units = template.units.map((unit) => ({ id: random.uuid(), agencyId: agency.id, ...unit }));
  return { agency, template, units };
}

/**
 * The first member of a unit leads it; police units mix officers and analysts. A few people hold a
 * second role, as in real units: the head of a trafficking unit trains others, an analyst also teaches.
 */
function rolesFor(kind: UnitKind, index: number): Role[] {
  switch (kind) {
    case 'trafficking':
      return index === 0 ? ['supervisor', 'trainer'] : index % 3 === 2 ? ['analyst'] : ['officer'];
    case 'drugs':
    case 'organised_crime':
    case 'border':
    case 'public_order':
      return index === 0 ? ['supervisor'] : index % 3 === 2 ? ['analyst'] : ['officer'];
    case 'prosecution':
      return ['prosecutor'];
    case 'court':
      return ['judge'];
    case 'coordination':
      return ['national_coordinator'];
    case 'international_cooperation':
      return index === 0 ? ['supervisor'] : ['cooperation_officer'];
    case 'shelter':
      return ['ngo_caseworker'];
    case 'training':
      return ['trainer'];
    case 'data_protection':
      return ['dpo'];
    case 'administration':
      return ['sysadmin'];
    case 'other':
      return index === 0 ? ['analyst', 'trainer'] : ['analyst'];
  }
}

function demoUsers(
  random: Random,
  cooperation: Random,
  placed: readonly PlacedAgency[],
  emails: Set<string>,
): DemoUser[] {
  return DEMO_ACCOUNTS.map((account) => {
    const home = placed.find(
      (p) => p.agency.jurisdiction === account.jurisdiction && p.agency.kind === account.agencyKind,
    );
    const unit = home?.units.find((u) => u.kind === account.unitKind);
    if (!unit) throw new Error(`No ${account.unitKind} unit for demo account ${account.email}`);
    emails.add(account.email);
    return {
      id: (account.unitKind === 'international_cooperation' ? cooperation : random).uuid(),
      email: account.email,
      displayName: account.displayName,
      unitId: unit.id,
      roles: [...account.roles],
      language: account.language,
      isDemoAccount: true,
    };
  });
}

function staffMember(
  random: Random,
  place: { agency: DemoAgency; domain: string; unit: DemoUnit; roles: Role[]; emails: Set<string> },
): DemoUser {
  const jurisdiction = place.agency.jurisdiction;
  // Regional bodies employ people from across the region; they work in English.
  const culture = jurisdiction ? CULTURE[jurisdiction] : random.pick(Object.values(CULTURE));
  const language = jurisdiction ? nationalLanguage(random, jurisdiction) : 'en';
  const { given, surname } = personName(random, culture);
  const cyrillic = culture === 'sr' || culture === 'mk';
  const written = cyrillic && language !== 'sr-Cyrl' && language !== 'mk';
  const script = (text: string): string => (written ? toLatin(text, culture === 'mk' ? 'mk' : 'sr') : text);
  return {
    id: random.uuid(),
    email: uniqueEmail(place.emails, culture, given, surname, place.domain),
    displayName: `${script(given)} ${script(surname)}`,
    unitId: place.unit.id,
    roles: place.roles,
    language,
    isDemoAccount: false,
  };
}

/** Serbian is official in both scripts: most Serbian users read Cyrillic, some prefer Latin. */
function nationalLanguage(random: Random, jurisdiction: JurisdictionCode): Locale {
  if (jurisdiction === 'RS' && random.next() < 0.3) return 'sr-Latn';
  return NATIONAL_LANGUAGE[jurisdiction];
}

function personName(random: Random, culture: NameCulture): { given: string; surname: string } {
  const pool = NAME_POOLS[culture];
  const female = random.next() < 0.5;
  const given = random.pick(female ? pool.female : pool.male);
  const surname = random.pick(pool.surnames);
  return { given, surname: female && pool.feminineSurname ? pool.feminineSurname(surname) : surname };
}

function uniqueEmail(
  taken: Set<string>,
  culture: NameCulture,
  given: string,
  surname: string,
  domain: string,
): string {
  const language = culture === 'mk' ? 'mk' : 'sr';
  const local = `${asciiFold(given, language)}.${asciiFold(surname, language)}`;
  let email = `${local}@${domain}`;
  for (let n = 2; taken.has(email); n += 1) email = `${local}${n}@${domain}`;
  taken.add(email);
  return email;
}
