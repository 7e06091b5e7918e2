import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FtmPersonCollector, parseFtmLine } from './ftm.ts';

const SAMPLE = fileURLToPath(
  new URL('../../../../shared/data/ftm-donations-sample/donations.ijson', import.meta.url),
);

describe('FollowTheMoney lines', () => {
  // CI always has ../shared beside the checkout; a clone elsewhere skips what needs it.
  it.runIf(existsSync(SAMPLE) || Boolean(process.env.CI))(
    'reads every line of a real FtM export and gathers its persons',
    () => {
      expect(existsSync(SAMPLE)).toBe(true);
      const collector = new FtmPersonCollector();
      let errors = 0;
      readFileSync(SAMPLE, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const r = parseFtmLine(line, i + 1);
          if (r?.ok) collector.add(r.entity);
          else if (r) errors++;
        });
      expect(errors).toBe(0);
      expect(collector.records()).toHaveLength(22);
    },
  );

  it('names the line of malformed JSON instead of failing', () => {
    expect(parseFtmLine('{"id": "x", "schema": ', 7)).toMatchObject({
      ok: false,
      line: 7,
      message: expect.stringContaining('line 7'),
    });
    expect(parseFtmLine('[1,2]', 8)).toMatchObject({ ok: false, line: 8 });
    expect(parseFtmLine('{"schema":"Person"}', 9)).toMatchObject({ ok: false, line: 9 });
  });

  it('attaches passports, phones and vehicles to their holder whatever the order of lines', () => {
    const collector = new FtmPersonCollector();
    const lines = [
      '{"id":"v1","schema":"Vehicle","properties":{"registrationNumber":["BG 123-AB"],"owner":["p1"]}}',
      '{"id":"p1","schema":"Person","properties":{"name":["Бесник Хоџа"],"birthDate":["1980-05-01"]}}',
      '{"id":"pp","schema":"Passport","properties":{"number":["P1234567"],"holder":["p1"]}}',
      '{"id":"ph","schema":"Phone","properties":{"number":["+38970123456"],"holder":["p1"]}}',
    ];
    lines.forEach((l, i) => {
      const r = parseFtmLine(l, i + 1);
      if (r?.ok) collector.add(r.entity);
    });
    expect(collector.records()[0]).toMatchObject({
      plates: ['BG 123-AB'],
      documents: ['P1234567'],
      phones: ['+38970123456'],
    });
  });
});
