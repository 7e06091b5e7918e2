import type { Catalogue } from './serbianLatin.ts';

/**
 * Joins the app's catalogue with the catalogues features keep beside their screens
 * (`features/<name>/locales/<locale>.json`). A key defined twice is a mistake, not an override.
 */
export function mergeCatalogues(base: Catalogue, ...parts: Catalogue[]): Catalogue {
  const out: Catalogue = structuredClone(base);
  for (const part of parts) mergeInto(out, part, '');
  return out;
}

function mergeInto(target: Catalogue, part: Catalogue, prefix: string): void {
  for (const [key, value] of Object.entries(part)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const existing = target[key];
    if (existing === undefined) {
      target[key] = typeof value === 'string' ? value : structuredClone(value);
    } else if (typeof existing === 'string' || typeof value === 'string') {
      throw new Error(`Message ${path} is defined twice`);
    } else {
      mergeInto(existing, value, path);
    }
  }
}

/** The locale a catalogue file is for, from its path: `../features/referral/locales/sr-Cyrl.json`. */
export function localeOfPath(path: string): string {
  return (path.split('/').pop() ?? '').replace(/\.json$/, '');
}
