import { describe, expect, it } from 'vitest';
import { JURISDICTIONS, ROLES } from '@veza/shared';
import type { JurisdictionCode } from '@veza/shared';
import { asciiFold, DEMO_ACCOUNTS, generateScenario, toLatin } from './index.ts';
import type { DemoScenario, DemoUser } from './index.ts';

const scenario = generateScenario();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CYRILLIC = /\p{Script=Cyrillic}/u;

function jurisdictionOf(s: DemoScenario, user: DemoUser): JurisdictionCode | null {
  const unit = s.units.find((u) => u.id === user.unitId);
  const agency = s.agencies.find((a) => a.id === unit?.agencyId);
  if (!agency) throw new Error(`user ${user.email} has no agency`);
  return agency.jurisdiction;
}

describe('generateScenario', () => {
  it('gives the same organisation and people for the same seed, and others for another seed', () => {
    expect(generateScenario()).toEqual(scenario);
    expect(generateScenario({ seed: 7 })).toEqual(generateScenario({ seed: 7 }));
    expect(generateScenario({ seed: 7 }).users.map((u) => u.email)).not.toEqual(
      scenario.users.map((u) => u.email),
    );
  });

  it('puts every role in every jurisdiction', () => {
    for (const code of JURISDICTIONS) {
      const roles = new Set(
        scenario.users.filter((u) => jurisdictionOf(scenario, u) === code).flatMap((u) => u.roles),
      );
      expect([...roles].sort(), code).toEqual([...ROLES].sort());
    }
  });

  it('has regional bodies for platform operations and international trainers', () => {
    const regional = scenario.agencies.filter((a) => a.jurisdiction === null);
    expect(regional.map((a) => a.kind)).toEqual(
      expect.arrayContaining(['platform_operator', 'international']),
    );
    const regionalUsers = scenario.users.filter((u) => jurisdictionOf(scenario, u) === null);
    expect(regionalUsers.some((u) => u.roles.includes('sysadmin'))).toBe(true);
    expect(regionalUsers.some((u) => u.roles.includes('trainer'))).toBe(true);
  });

  it('gives every agency, unit and user a unique UUID', () => {
    const ids = [...scenario.agencies, ...scenario.units, ...scenario.users].map((x) => x.id);
    expect(ids.every((id) => UUID.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives unique ASCII e-mails under .example only', () => {
    const emails = scenario.users.map((u) => u.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+\.example$/);
  });

  it('writes names in the script of the user language', () => {
    for (const user of scenario.users) {
      const cyrillic = user.language === 'sr-Cyrl' || user.language === 'mk';
      expect(CYRILLIC.test(user.displayName), `${user.displayName} (${user.language})`).toBe(cyrillic);
    }
    expect(scenario.users.some((u) => u.language === 'sr-Latn')).toBe(true);
  });

  it('gives each user the language of their jurisdiction', () => {
    const expected: Record<JurisdictionCode, string[]> = {
      RS: ['sr-Cyrl', 'sr-Latn'],
      MK: ['mk'],
      AL: ['sq'],
      XK: ['sq'],
      HR: ['hr'],
      BA: ['bs'],
      ME: ['cnr'],
    };
    for (const user of scenario.users) {
      const code = jurisdictionOf(scenario, user);
      expect(code === null ? ['en'] : expected[code], user.email).toContain(user.language);
    }
  });

  it('names the organisation in the official language and script', () => {
    const agencyNames = (code: JurisdictionCode) =>
      scenario.agencies.filter((a) => a.jurisdiction === code).map((a) => a.name);
    expect(agencyNames('RS').every((name) => CYRILLIC.test(name))).toBe(true);
    expect(agencyNames('MK').every((name) => CYRILLIC.test(name))).toBe(true);
    expect(agencyNames('HR').some((name) => CYRILLIC.test(name))).toBe(false);
    expect(agencyNames('BA')).toContain('Granična policija Bosne i Hercegovine');
    expect(scenario.units.map((u) => u.name)).toContain('Служба за борбу против организованог криминала');
  });

  it('has a few people with several roles', () => {
    expect(scenario.users.filter((u) => u.roles.length > 1).length).toBeGreaterThanOrEqual(3);
  });

  it('multiplies staff with scale but keeps the organisation and the demo accounts', () => {
    const large = generateScenario({ scale: 4 });
    expect(large.units).toEqual(scenario.units);
    const staff = (s: DemoScenario) => s.users.filter((u) => !u.isDemoAccount).length;
    expect(staff(large)).toBe(staff(scenario) * 4);
    expect(large.users.filter((u) => u.isDemoAccount)).toEqual(scenario.users.filter((u) => u.isDemoAccount));
  });
});

describe('demo accounts', () => {
  it('has a memorable account for every role', () => {
    expect(new Set(DEMO_ACCOUNTS.flatMap((a) => a.roles))).toEqual(new Set(ROLES));
  });

  it('places every demo account in the scenario, in its jurisdiction, flagged as demo', () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = scenario.users.find((u) => u.email === account.email);
      expect(user, account.email).toMatchObject({
        isDemoAccount: true,
        roles: [...account.roles],
        language: account.language,
      });
      expect(jurisdictionOf(scenario, user as DemoUser)).toBe(account.jurisdiction);
    }
    expect(scenario.users.filter((u) => u.isDemoAccount)).toHaveLength(DEMO_ACCOUNTS.length);
  });

  it('includes the regional administrator admin@demo.veza.example', () => {
    expect(DEMO_ACCOUNTS.find((a) => a.email === 'admin@demo.veza.example')).toMatchObject({
      roles: ['sysadmin'],
      jurisdiction: null,
    });
  });
});

describe('scripts', () => {
  it('derives Serbian Latin from Cyrillic letter by letter', () => {
    expect(toLatin('Ђорђе Љубичић Џаковић', 'sr')).toBe('Đorđe Ljubičić Džaković');
  });

  it('romanises Macedonian with the official table', () => {
    expect(toLatin('Ѓорѓи Ќосевски Жаклина', 'mk')).toBe('Gjorgji Kjosevski Zhaklina');
  });

  it('folds names to ASCII for e-mail addresses', () => {
    expect(asciiFold('Đorđe')).toBe('djordje');
    expect(asciiFold('Ђорђе')).toBe('djordje');
    expect(asciiFold('Skënder Çela')).toBe('skendercela');
    expect(asciiFold('Шћекић')).toBe('scekic');
  });
});
