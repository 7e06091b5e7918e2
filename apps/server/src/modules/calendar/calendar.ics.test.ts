import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icsCalendar, type IcsEvent } from './calendar.ics.ts';

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');
const physicalLines = (text: string) => text.split('\r\n').slice(0, -1);

const deadline: IcsEvent = {
  uid: 'request-0190f5a2-0000-7000-8000-000000000001-due@veza',
  stamp: new Date('2026-12-07T14:14:27.512Z'),
  start: new Date('2026-12-10T22:59:59.999Z'),
  end: new Date('2026-12-10T23:14:59.999Z'),
  summary: 'Рок за захтев RS-2026-0142',
  description: 'Одговор на захтев за информације RS-2026-0142; рок: 10. 12. 2026, 23:59',
  url: 'https://veza.example/requests/0190f5a2-0000-7000-8000-000000000001',
};

describe('iCalendar writer', () => {
  it('writes a VCALENDAR that an independent parser reads back, times in UTC with Z', () => {
    const text = icsCalendar({ prodId: '-//Veza//Calendar feed//EN', name: 'Veza', events: [deadline] });
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Veza//Calendar feed//EN');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const [event] = calendar.getAllSubcomponents('vevent');
    expect(event?.getFirstPropertyValue('summary')).toBe('Рок за захтев RS-2026-0142');
    expect(event?.getFirstPropertyValue('description')).toBe(deadline.description);
    expect(event?.getFirstPropertyValue('uid')).toBe(deadline.uid);
    expect(event?.getFirstPropertyValue('url')).toBe(deadline.url);
    expect(text).toContain('\r\nDTSTART:20261210T225959Z\r\n');
    expect(text).toContain('\r\nDTEND:20261210T231459Z\r\n');
    expect(text).toContain('\r\nDTSTAMP:20261207T141427Z\r\n');
  });

  it('ends every line with CRLF and has no bare line feed', () => {
    const text = icsCalendar({ prodId: '-//Veza//Calendar feed//EN', events: [deadline, deadline] });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.split('BEGIN:VEVENT').length - 1).toBe(2);
  });

  it('folds long lines at 75 octets without splitting a multi-byte character', () => {
    // Cyrillic letters are two octets, the emoji four: every way of reaching the 75th octet occurs.
    const summary = `Рок ${'ж'.repeat(50)} 🗓️ ${'š'.repeat(40)} ${'a'.repeat(90)}`;
    const text = icsCalendar({ prodId: '-//Veza//Calendar feed//EN', events: [{ ...deadline, summary }] });
    const lines = physicalLines(text);
    for (const line of lines) expect(utf8(line)).toBeLessThanOrEqual(75);
    // No replacement characters: each physical line is whole UTF-8 on its own.
    for (const line of lines) expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    const folded = lines.filter((line) => line.startsWith(' '));
    expect(folded.length).toBeGreaterThan(2);
    const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('summary')).toBe(summary);
  });

  it('fills a line to exactly 75 octets before folding, the space counting on continuations', () => {
    const line = `SUMMARY:${'x'.repeat(300)}`; // 308 octets: 75, then 74 + the space, three times, then 11
    const parts = foldLine(line).split('\r\n');
    expect(parts.map(utf8)).toEqual([75, 75, 75, 75, 12]);
    expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(parts.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
  });

  it('moves a two-octet character that would straddle octet 75 to the next line', () => {
    const line = `SUMMARY:${'x'.repeat(66)}ш`; // 8 + 66 = 74 octets, then a two-octet letter
    expect(foldLine(line)).toBe(`SUMMARY:${'x'.repeat(66)}\r\n ш`);
  });

  it('escapes backslash, semicolon, comma and line breaks in TEXT values', () => {
    expect(escapeText('a\\b; c, d\ne\r\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
    const text = icsCalendar({
      prodId: '-//Veza//Calendar feed//EN',
      events: [
        { ...deadline, summary: 'Rok; zahtjev, ME-2026-0007\\hitno', description: 'prvi red\ndrugi red' },
      ],
    });
    expect(text).toContain('\r\nSUMMARY:Rok\\; zahtjev\\, ME-2026-0007\\\\hitno\r\n');
    const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('summary')).toBe('Rok; zahtjev, ME-2026-0007\\hitno');
    expect(event?.getFirstPropertyValue('description')).toBe('prvi red\ndrugi red');
  });

  it('leaves out DESCRIPTION and URL when an event has none', () => {
    const text = icsCalendar({
      prodId: '-//Veza//Calendar feed//EN',
      events: [{ ...deadline, description: undefined, url: undefined }],
    });
    expect(text).not.toContain('DESCRIPTION');
    expect(text).not.toContain('URL:');
  });
});
