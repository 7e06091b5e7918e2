import { compareNames } from './compare-names.ts';
import { readLines, writeWithBackpressure, type InputLine } from './node/line-reader.ts';

// `veza names compare` on its own, so that the command loads the name comparison only (no
// identifiers, no phone metadata): it starts in a fraction of the time `veza xref` needs.

export type Output = NodeJS.WritableStream;

export function warnAboutLine(line: InputLine, errors: Output): void {
  if (line.truncated) errors.write(`line ${line.number}: longer than 10,000 characters, cut\n`);
  if (line.invalidUtf8) errors.write(`line ${line.number}: invalid UTF-8 replaced by U+FFFD\n`);
}

/**
 * `veza names compare`: reads `left<TAB>right` lines and writes `score<TAB>same` (score with three
 * decimals, same as 1 or 0) for every input line, in order. A line that cannot be compared still
 * gets `0.000<TAB>0`, and a message naming it goes to `errors`.
 */
export async function runNamesCompare(
  input: NodeJS.ReadableStream,
  output: Output,
  errors: Output,
): Promise<void> {
  let buffer = '';
  for await (const line of readLines(input as AsyncIterable<Uint8Array | string>)) {
    warnAboutLine(line, errors);
    const tab = line.text.indexOf('\t');
    let result = '0.000\t0';
    if (tab < 0) {
      errors.write(`line ${line.number}: expected two names separated by a tab\n`);
    } else {
      const left = line.text.slice(0, tab);
      const right = line.text.slice(tab + 1);
      const c = compareNames(left, right, { explain: false });
      if (c.explanation === null && (left.trim() === '' || right.trim() === '')) {
        errors.write(`line ${line.number}: empty name\n`);
      }
      result = `${c.score.toFixed(3)}\t${c.decision === 'same' ? 1 : 0}`;
    }
    buffer += result + '\n';
    if (buffer.length > 16_384) {
      await writeWithBackpressure(output, buffer);
      buffer = '';
    }
  }
  if (buffer.length > 0) await writeWithBackpressure(output, buffer);
}
