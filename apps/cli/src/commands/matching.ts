import type { Command } from 'commander';

export function registerMatchingCommands(program: Command): void {
  const names = program.command('names').description('compare names across scripts and spellings');
  names
    .command('compare')
    .description('read "left<TAB>right" lines from standard input, write "score<TAB>same" per line')
    .action(async () => {
      const { runNamesCompare } = await import('@veza/matching/names-compare-command');
      await runNamesCompare(process.stdin, process.stdout, process.stderr);
    });

  program
    .command('xref <file>')
    .description('cross-reference FollowTheMoney JSON lines and write candidate matches as JSON lines')
    .option('--threshold <score>', 'lowest score to report (0 to 1)', parseScore)
    .option('--explain', 'include the explanation of each match', false)
    .action(async (file: string, options: { threshold?: number; explain: boolean }) => {
      const { runXref } = await import('@veza/matching/cli');
      await runXref(
        file,
        { threshold: options.threshold, explain: options.explain, progress: Boolean(process.stderr.isTTY) },
        process.stdout,
        process.stderr,
      );
    });
}

function parseScore(value: string): number {
  const score = Number(value);
  if (!Number.isFinite(score) || score < 0 || score > 1) {
    throw new Error(`--threshold must be a number from 0 to 1, not "${value}"`);
  }
  return score;
}
