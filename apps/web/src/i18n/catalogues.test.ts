import { describe, expect, it } from 'vitest';
import IntlMessageFormat from 'intl-messageformat';
import {
  ACTIONS,
  AGENCY_KINDS,
  AUDIT_EVENTS,
  AUDIT_OPERATIONS,
  ERROR_CODES,
  FIELD_PROBLEM_CODES,
  INTL_TAG,
  JURISDICTIONS,
  ROLES,
  UNIT_KINDS,
} from '@veza/shared';
import { ZOD_ISSUE_CODES } from '../ui/validation.ts';
import { deriveSerbianLatin, type Catalogue } from './serbianLatin.ts';
import { localeOfPath, mergeCatalogues } from './merge.ts';

// The app's catalogues joined with every feature's, as the app loads them.
const appCatalogues = import.meta.glob<Catalogue>('./locales/*.json', { import: 'default', eager: true });
const featureCatalogues = import.meta.glob<Catalogue>('../features/*/locales/*.json', {
  import: 'default',
  eager: true,
});
function catalogue(locale: string): Catalogue {
  const base = appCatalogues[`./locales/${locale}.json`];
  if (!base) throw new Error(`No catalogue for ${locale}`);
  const parts = Object.entries(featureCatalogues)
    .filter(([path]) => localeOfPath(path) === locale)
    .map(([, part]) => part);
  return mergeCatalogues(base, ...parts);
}
const en = catalogue('en');
const srCyrl = catalogue('sr-Cyrl');
const TYPED: Record<string, Catalogue> = Object.fromEntries(
  ['sq', 'mk', 'sr-Cyrl', 'bs', 'hr', 'cnr'].map((locale) => [locale, catalogue(locale)]),
);
const ALL: Record<string, Catalogue> = { en, ...TYPED, 'sr-Latn': deriveSerbianLatin(srCyrl) };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

type Ast = ReturnType<IntlMessageFormat['getAst']>;

/** Argument names used by an ICU message, including those inside plural and select branches. */
function placeholders(ast: Ast, found = new Set<string>()): Set<string> {
  for (const element of ast) {
    if ('value' in element && element.type !== 0 && typeof element.value === 'string') {
      found.add(element.value);
    }
    if ('options' in element) {
      for (const option of Object.values(element.options)) placeholders(option.value, found);
    }
    if ('children' in element) placeholders(element.children, found);
  }
  return found;
}

const english = flatten(en);

describe('UI catalogues', () => {
  it.each(Object.keys(TYPED))('%s has exactly the keys of English', (locale) => {
    const keys = [...flatten(TYPED[locale] as Catalogue).keys()];
    const missing = [...english.keys()].filter((key) => !keys.includes(key));
    const extra = keys.filter((key) => !english.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(Object.keys(ALL))(
    'every %s message parses as ICU and uses the placeholders of English',
    (locale) => {
      const problems: string[] = [];
      const tag = INTL_TAG[locale as keyof typeof INTL_TAG];
      for (const [key, message] of flatten(ALL[locale] as Catalogue)) {
        if (message.trim() === '') problems.push(`${key}: empty`);
        let ast: Ast;
        try {
          ast = new IntlMessageFormat(message, tag, undefined, { ignoreTag: true }).getAst();
        } catch (error) {
          problems.push(`${key}: ${(error as Error).message}`);
          continue;
        }
        const reference = english.get(key);
        if (reference === undefined) continue;
        const expected = [
          ...placeholders(new IntlMessageFormat(reference, 'en', undefined, { ignoreTag: true }).getAst()),
        ].sort();
        const actual = [...placeholders(ast)].sort();
        if (expected.join() !== actual.join())
          problems.push(`${key}: {${actual.join(', ')}} instead of {${expected.join(', ')}}`);
      }
      expect(problems).toEqual([]);
    },
  );

  it('has a message for every error code, role, jurisdiction, kind, operation, action, audited event and zod issue', () => {
    const required = [
      ...ERROR_CODES.map((code) => `errors.${code}`),
      ...ROLES.map((role) => `roles.${role}`),
      ...JURISDICTIONS.map((code) => `jurisdictions.${code}`),
      ...AGENCY_KINDS.map((kind) => `agencyKinds.${kind}`),
      ...UNIT_KINDS.map((kind) => `unitKinds.${kind}`),
      ...AUDIT_OPERATIONS.map((operation) => `auditOperations.${operation}`),
      ...ACTIONS.map((action) => `actions.${action}`),
      ...AUDIT_EVENTS.map((event) => `auditActions.${event}`),
      ...ZOD_ISSUE_CODES.map((code) => `validation.${code}`),
      ...FIELD_PROBLEM_CODES.map((code) => `validation.${code}`),
    ];
    for (const [locale, catalogue] of Object.entries(ALL)) {
      const keys = flatten(catalogue);
      expect(
        required.filter((key) => !keys.has(key)),
        locale,
      ).toEqual([]);
    }
  });

  it('has a catalogue in every typed language for every feature that keeps its own', () => {
    const byFeature = new Map<string, Set<string>>();
    for (const path of Object.keys(featureCatalogues)) {
      const feature = path.split('/')[2] as string;
      byFeature.set(feature, (byFeature.get(feature) ?? new Set()).add(localeOfPath(path)));
    }
    for (const [feature, locales] of byFeature)
      expect([...locales].sort(), feature).toEqual(['bs', 'cnr', 'en', 'hr', 'mk', 'sq', 'sr-Cyrl']);
  });

  it('names Kosovo with its asterisk in every language', () => {
    for (const catalogue of Object.values(ALL))
      expect(flatten(catalogue).get('jurisdictions.XK')).toMatch(/\*$/);
  });

  it('derives Serbian Latin from the Cyrillic catalogue letter by letter', () => {
    const latin = flatten(deriveSerbianLatin(srCyrl));
    const cyrillic = flatten(srCyrl);
    expect(cyrillic.get('auth.signInTitle')).toBe('Пријава');
    expect(latin.get('auth.signInTitle')).toBe('Prijava');
    expect(latin.get('auth.signIn')).toBe('Prijavi se');
    expect(latin.get('jurisdictions.MK')).toBe('Severna Makedonija');
    expect(latin.get('roles.judge')).toBe('Sudija');
    // No Cyrillic letter survives, and ICU syntax passes through untouched.
    for (const [key, message] of latin) expect(message, key).not.toMatch(/[\u0400-\u04FF]/);
    expect(latin.get('audit.chainOkText')).toMatch(/^\{checked, plural, one \{/);
  });

  it('has every key the screens ask for', () => {
    const sources = import.meta.glob<string>('../**/*.tsx', {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    const used = new Set<string>();
    for (const source of Object.values(sources)) {
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(match[1] as string);
      for (const match of source.matchAll(/labelKey: '([a-zA-Z0-9_.]+)'/g)) used.add(match[1] as string);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !english.has(key))).toEqual([]);
  });
});
