import { createReadStream } from 'node:fs';
import { crossReference } from './cross-reference.ts';
import { FtmPersonCollector, parseFtmLine } from './ftm.ts';
import { readLines, writeWithBackpressure } from './node/line-reader.ts';
import { warnAboutLine, type Output } from './names-compare-command.ts';

export { runNamesCompare } from './names-compare-command.ts';

export interface XrefOptions {
  /** Minimum score of a reported pair (default 0.5). */
  readonly threshold?: number;
  /** Include the per-field explanation in every output line. */
  readonly explain?: boolean;
  /** Draw a progress bar on `errors` (pass true only when it is a terminal). */
  readonly progress: boolean;
}

/**
 * `veza xref FILE`: reads FollowTheMoney JSON lines, gathers persons with their phones, vehicles,
 * documents and accounts, and writes candidate matches as JSON lines, best first. Malformed lines
 * are reported by number on `errors` and skipped.
 */
export async function runXref(
  file: string,
  options: XrefOptions,
  output: Output,
  errors: Output,
): Promise<{ pairs: number }> {
  const collector = new FtmPersonCollector();
  let bad = 0;
  for await (const line of readLines(createReadStream(file), { maxChars: 1_000_000 })) {
    warnAboutLine(line, errors);
    const parsed = parseFtmLine(line.text, line.number);
    if (parsed === null) continue;
    if (parsed.ok) collector.add(parsed.entity);
    else {
      bad++;
      if (bad <= 100) errors.write(parsed.message + '\n');
    }
  }
  if (bad > 100) errors.write(`${bad} malformed lines in all\n`);
  const records = collector.records();
  const names = new Map(records.map((r) => [r.id, r.names[0] ?? '']));
  const draw = (done: number, total: number): void => {
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    errors.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} persons`);
    if (done === total) errors.write('\n');
  };
  const result = crossReference(records, {
    threshold: options.threshold,
    explain: options.explain,
    onProgress: options.progress ? draw : undefined,
  });
  const sorted = [...result.pairs].sort((a, b) => b.score - a.score);
  let buffer = '';
  for (const p of sorted) {
    const line = {
      left: p.left,
      right: p.right,
      leftName: names.get(p.left),
      rightName: names.get(p.right),
      score: p.score,
      decision: p.decision,
      ...(options.explain && p.comparison
        ? { explanation: { fields: p.comparison.fields, name: p.comparison.name?.explanation } }
        : {}),
    };
    buffer += JSON.stringify(line) + '\n';
    if (buffer.length > 65_536) {
      await writeWithBackpressure(output, buffer);
      buffer = '';
    }
  }
  if (buffer.length > 0) await writeWithBackpressure(output, buffer);
  return { pairs: sorted.length };
}
