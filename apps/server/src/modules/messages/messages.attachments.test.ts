import { describe, expect, it } from 'vitest';
import { attachmentType } from './messages.attachments.ts';
import { DOCM, DOCX, EXE, JPEG, PDF, PLAIN_ZIP, PNG, XLSX } from './messages.attachments.testing.ts';

describe('attachment types are read from the content', () => {
  it.each([
    ['zapisnik.pdf', PDF, 'application/pdf'],
    ['tablica.png', PNG, 'image/png'],
    ['fotografija.JPG', JPEG, 'image/jpeg'],
    ['izvjestaj.docx', DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['pozivi.xlsx', XLSX, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['biljeska.txt', Buffer.from('Возило BG-123-ЖШ, Будва\n'), 'text/plain'],
    ['pozivi.csv', Buffer.from('broj;vrijeme\n+38267123456;2026-11-12T22:10\n'), 'text/csv'],
  ])('accepts %s as %s', (name, bytes, type) => {
    expect(attachmentType(name, bytes)).toBe(type);
  });

  it.each([
    ['an executable renamed .pdf', 'racun.pdf', EXE],
    ['an executable as it is', 'setup.exe', EXE],
    ['a PNG whose name says PDF', 'zapisnik.pdf', PNG],
    ['a macro-enabled Word document', 'izvjestaj.docx', DOCM],
    ['a zip that is no office document', 'arhiva.docx', PLAIN_ZIP],
    ['binary bytes named .txt', 'biljeska.txt', Buffer.from([0x00, 0x01, 0x02, 0x41])],
    ['an empty file', 'prazno.txt', Buffer.alloc(0)],
  ])('refuses %s', (_what, name, bytes) => {
    expect(attachmentType(name, bytes)).toBeNull();
  });
});
