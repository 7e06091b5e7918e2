// The baseline as a whole process, the way `veza names compare` is run: reads "left<TAB>right" lines
// on standard input and writes "score<TAB>same" per line, score fuzzball's token_sort_ratio (0-100) of
// the any-ascii-folded names, same when it reaches the threshold (first argument, default 80).
// Plain JavaScript, nothing compiled at start. Used by bench/matching/eval.ts.
import anyAscii from 'any-ascii';
import { token_sort_ratio as tokenSortRatio } from 'fuzzball';

const threshold = Number(process.argv[2] ?? 80);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const lines = Buffer.concat(chunks).toString('utf8').split('\n');
if (lines[lines.length - 1] === '') lines.pop();
let out = '';
for (const line of lines) {
  const tab = line.indexOf('\t');
  const score = tab < 0 ? 0 : tokenSortRatio(anyAscii(line.slice(0, tab)), anyAscii(line.slice(tab + 1)));
  out += `${score}\t${score >= threshold ? 1 : 0}\n`;
  if (out.length > 16_384) {
    if (!process.stdout.write(out)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    out = '';
  }
}
process.stdout.write(out);
