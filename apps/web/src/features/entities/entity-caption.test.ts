import { describe, expect, it } from 'vitest';
import IntlMessageFormat from 'intl-messageformat';
import { deriveSerbianLatin, type Catalogue } from '../../i18n/serbianLatin.ts';
import en from './locales/en.json';
import sq from './locales/sq.json';
import srCyrl from './locales/sr-Cyrl.json';
import { entityCaption, schemaName, type CaptionedEntity, type Translate } from './entity-caption.ts';

/** The feature's own catalogue formatted as ICU, as i18next-icu does in the app. */
function translator(catalogue: Catalogue, locale: string): Translate {
  return (key, options = {}) => {
    let found: string | Catalogue | undefined = catalogue;
    for (const part of key.split('.')) found = typeof found === 'object' ? found[part] : undefined;
    const message = typeof found === 'string' ? found : String(options.defaultValue ?? key);
    return String(new IntlMessageFormat(message, locale).format(options as Record<string, string>));
  };
}
const serbian = translator(deriveSerbianLatin(srCyrl as Catalogue), 'sr-Latn');
const albanian = translator(sq as Catalogue, 'sq');
const english = translator(en as Catalogue, 'en');

const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const captions = new Map([
  [id(1), 'Dragan Nikolić'],
  [id(2), '+381 64 123 4567'],
  [id(3), 'Valbona Qerimi'],
  [id(4), 'Blerta Zeqiri'],
]);
const captionOf = (entityId: string) => captions.get(entityId);

const usesPhone: CaptionedEntity = {
  id: id(10),
  schema: 'UsesPhone',
  caption: 'uses',
  ends: { source: [id(1)], target: [id(2)] },
};

describe('entityCaption', () => {
  it('names a person the reader may not identify as withheld, never by an empty caption', () => {
    const withheld: CaptionedEntity = { id: id(1), schema: 'Person', caption: '', withheld: true };
    expect(entityCaption(withheld, captionOf, english)).toBe('Person (identity withheld)');
  });

  it('names a relationship by its ends, its type in the reader’s language', () => {
    expect(entityCaption(usesPhone, captionOf, serbian)).toBe(
      'Dragan Nikolić → +381 64 123 4567 (koristi telefon)',
    );
    expect(entityCaption(usesPhone, captionOf, albanian)).toBe(
      'Dragan Nikolić → +381 64 123 4567 (përdor telefonin)',
    );
    expect(entityCaption(usesPhone, captionOf, english)).toBe(
      'Dragan Nikolić → +381 64 123 4567 (uses phone)',
    );
  });

  it('keeps the caption of anything that is not a relationship', () => {
    const person = { id: id(1), schema: 'Person', caption: 'Dragan Nikolić' };
    expect(entityCaption(person, captionOf, serbian)).toBe('Dragan Nikolić');
  });

  it('lists every value of an end, and says so when an end is not among the case’s entities', () => {
    const exploited: CaptionedEntity = {
      id: id(11),
      schema: 'Exploited',
      caption: 'експлоатисао',
      ends: { source: [id(99)], target: [id(3), id(4)] },
    };
    expect(entityCaption(exploited, captionOf, serbian)).toBe(
      'nepoznato → Valbona Qerimi, Blerta Zeqiri (eksploatisao)',
    );
  });

  it('falls back on the stored caption, with the translated type, when no end is known', () => {
    const unlinked: CaptionedEntity = { id: id(12), schema: 'LivesAt', caption: 'станује' };
    expect(entityCaption(unlinked, captionOf, serbian)).toBe('станује (živi na adresi)');
  });
});

describe('schemaName', () => {
  it('names an entity type in the reader’s language, as the chart’s filters and tables show it', () => {
    expect(schemaName('BankAccount', serbian)).toBe('Bankovni račun');
    expect(schemaName('BankAccount', albanian)).toBe('Llogari bankare');
    expect(schemaName('Organization', english)).toBe('Organisation');
  });

  it('shows a type the catalogue does not know as it is', () => {
    expect(schemaName('CourtCase', serbian)).toBe('CourtCase');
  });
});
