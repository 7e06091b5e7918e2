import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvDocument } from './directory.csv.ts';

describe('directory CSV', () => {
  it('quotes commas, quotes and line breaks so a parser reads the same cells back', () => {
    const text = csvDocument(['organisation', 'contact_name'], [['Служба, "дежурна"', 'Ана\nЂуровић']]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parse(text)).toEqual([
      ['organisation', 'contact_name'],
      ['Служба, "дежурна"', 'Ана\nЂуровић'],
    ]);
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    expect(csvDocument(['phone'], [['+38111306'], ['=HYPERLINK("x")']])).toBe(
      'phone\r\n\'+38111306\r\n"\'=HYPERLINK(""x"")"\r\n',
    );
  });
});
