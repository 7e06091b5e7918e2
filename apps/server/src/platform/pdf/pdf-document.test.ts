import { describe, expect, it } from 'vitest';
import { renderPdf } from './pdf-document.ts';
import { pdfText } from './pdf-text.testing.ts';

const REGIONAL = [
  'Arben Krasniqi, Gjergj Kastrioti: ë ç',
  'Jovana Petrović, Đorđe Šćekić, Žarko Čolić',
  'Јована Петровић, Ђорђе, Ћирић, Љубица, Његош, Џевад',
  'Ивана Стојановска: ѓ ќ ѕ љ њ џ (Ѓорѓи, Ќирил, Ѕвезда)',
];

describe('PDF documents', () => {
  it('prints Latin with diacritics and Cyrillic so that readers get the same text back', async () => {
    const bytes = await renderPdf({ title: 'Test', lang: 'sr-Cyrl', footer: 'S-RS-000001' }, (flow) => {
      flow.title('Резиме скрининга').subtitle('S-RS-000001');
      flow.heading('Shqip / Srpski / Македонски');
      for (const line of REGIONAL) flow.field('Име', line);
      flow.list(REGIONAL).alert('Načelo nekažnjavanja').signatures(['Потпис']);
    });
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const [page] = await pdfText(bytes);
    for (const line of REGIONAL) expect(page).toContain(line);
    expect(page).toMatch(/S-RS-000001\s+1\/1/);
  });

  it('breaks long content onto further pages and numbers them', async () => {
    const bytes = await renderPdf({ title: 'Long', lang: 'en', footer: 'R-AL-000002' }, (flow) => {
      for (let i = 0; i < 120; i++)
        flow.field(`Line ${i}`, 'Një rresht me tekst të gjatë për të mbushur faqen');
    });
    const pages = await pdfText(bytes);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.at(-1)).toMatch(new RegExp(`R-AL-000002\\s+${pages.length}/${pages.length}`));
    expect(pages.join('\n')).toContain('Line 119');
  });
});
