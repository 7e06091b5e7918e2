import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runNamesCompare, runXref } from './cli.ts';

function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function namesCompare(input: Buffer): Promise<{ out: string[]; err: string }> {
  const out = sink();
  const err = sink();
  await runNamesCompare(Readable.from([input]), out.stream, err.stream);
  return { out: out.text().split('\n').slice(0, -1), err: err.text() };
}

describe('veza names compare', () => {
  it('writes score<TAB>same per line in input order', async () => {
    const { out } = await namesCompare(
      Buffer.from(
        'Ђорђе Ђорђевић\tDjordje Djordjevic\nMarko Petrović\tMarko Petković\nBesnik Hoxha\tБесник Хоџа\n',
      ),
    );
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^\d\.\d{3}\t1$/);
    expect(out[1]).toMatch(/^\d\.\d{3}\t0$/);
    expect(out[2]).toMatch(/^\d\.\d{3}\t1$/);
  });

  it('answers 0.000<TAB>0 for bad lines, names them on stderr, and goes on', async () => {
    const input = Buffer.concat([
      Buffer.from('no tab here\n\tMarko\n'),
      Buffer.from([0x41, 0x6e, 0x61, 0x20, 0xff, 0xfe, 0x09, 0x41, 0x6e, 0x61, 0x0a]),
      Buffer.from(`${'x'.repeat(20_000)}\tMarko\n`),
      Buffer.from('Marko Petrović\tMarko Petrvoić'),
    ]);
    const { out, err } = await namesCompare(input);
    expect(out.slice(0, 2)).toEqual(['0.000\t0', '0.000\t0']);
    expect(out).toHaveLength(5);
    expect(out[4]).toMatch(/\t1$/);
    expect(err).toContain('line 1');
    expect(err).toContain('line 2');
    expect(err).toMatch(/line 3: invalid UTF-8/);
    expect(err).toMatch(/line 4: longer than 10,000/);
  });
});

describe('veza xref', () => {
  it('writes candidate matches as JSON lines and reports malformed lines by number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'veza-xref-'));
    const file = join(dir, 'entities.ijson');
    writeFileSync(
      file,
      [
        '{"id":"a","schema":"Person","properties":{"name":["Ђорђе Ђорђевић"],"birthDate":["1985-03-12"]}}',
        '{"id":"b","schema":"Person","properties":{"name":["DJORDJEVIC DJORDJE"],"birthDate":["12.03.1985"]}}',
        '{"id":"c", oops',
        '{"id":"d","schema":"Person","properties":{"name":["Marko Petković"],"birthDate":["1970"]}}',
      ].join('\n'),
    );
    const out = sink();
    const err = sink();
    const { pairs } = await runXref(file, { explain: true, progress: false }, out.stream, err.stream);
    expect(pairs).toBe(1);
    const line = JSON.parse(out.text().trim()) as {
      left: string;
      right: string;
      explanation: { fields: unknown[] };
    };
    expect([line.left, line.right]).toEqual(['a', 'b']);
    expect(line.explanation.fields.length).toBeGreaterThan(0);
    expect(err.text()).toContain('line 3');
  });
});
