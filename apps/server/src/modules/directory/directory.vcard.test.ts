import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { entryVcard } from './directory.export.service.ts';
import type { DirectoryEntryRow } from './directory.repository.ts';
import { escapeText, foldLine } from './directory.vcard.ts';

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

function entry(overrides: Partial<DirectoryEntryRow> = {}): DirectoryEntryRow {
  return {
    id: '0190f5a2-0000-7000-8000-000000000001',
    jurisdictionCode: 'MK',
    function: 'interpol_ncb',
    organisation: 'Национално централно биро на Интерпол Скопје; дежурна служба, 24 часа',
    contactName: 'Горан Ѓорѓиевски',
    languages: ['en', 'mk', 'sq'],
    availability: { kind: 'always', timeZone: 'Europe/Skopje' },
    channels: [
      { kind: 'phone', address: '+38923143110' },
      { kind: 'secure_email', address: 'ncb.skopje@mvr.gov.mk.example' },
      { kind: 'i247', address: 'NCB Skopje' },
    ],
    unitId: null,
    ownerUnitId: '0190f5a2-0000-7000-8000-0000000000aa',
    searchKey: ' x ',
    lastConfirmedAt: new Date('2026-10-01T08:00:00Z'),
    createdAt: new Date('2026-01-01T08:00:00Z'),
    updatedAt: new Date('2026-10-01T08:15:30Z'),
    ...overrides,
  };
}

describe('vCard 4.0 export', () => {
  it('writes a card that an independent parser reads back field for field', () => {
    const text = entryVcard(entry());
    const card = new ICAL.Component(ICAL.parse(text));
    expect(card.getFirstPropertyValue('version')).toBe('4.0');
    expect(card.getFirstPropertyValue('fn')).toBe('Горан Ѓорѓиевски');
    expect(card.getFirstPropertyValue('kind')).toBe('individual');
    expect(card.getFirstProperty('org')?.getValues().flat()).toEqual([
      'Национално централно биро на Интерпол Скопје; дежурна служба, 24 часа',
    ]);
    expect(card.getFirstPropertyValue('tel')).toBe('tel:+38923143110');
    expect(card.getFirstPropertyValue('email')).toBe('ncb.skopje@mvr.gov.mk.example');
    expect(card.getAllProperties('lang').map((p) => p.getFirstValue())).toEqual(['en', 'mk', 'sq']);
    expect(card.getFirstPropertyValue('tz')).toBe('Europe/Skopje');
    expect(text).toContain('\r\nREV:20261001T081530Z\r\n');
    expect(text).toContain('\r\nTEL;VALUE=uri;TYPE=work,voice:tel:+38923143110\r\n');
  });

  it('ends every line with CRLF and folds long lines at 75 octets without splitting a letter', () => {
    const text = entryVcard(entry());
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(utf8(line)).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(text).not.toContain('\uFFFD');
  });

  it('names the organisation when no person is named', () => {
    const card = new ICAL.Component(ICAL.parse(entryVcard(entry({ contactName: null }))));
    expect(card.getFirstPropertyValue('kind')).toBe('org');
    expect(String(card.getFirstPropertyValue('fn'))).toContain('Интерпол Скопје');
  });

  it('escapes backslashes, commas, semicolons and line breaks in text', () => {
    expect(escapeText('a\\b,c;d\ne')).toBe('a\\\\b\\,c\\;d\\ne');
    const folded = foldLine(`NOTE:${'ш'.repeat(60)}`);
    expect(folded.split('\r\n').map(utf8)).toEqual([75, 51]);
  });
});
