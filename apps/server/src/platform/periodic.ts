/**
 * Runs `task` every `intervalMs`, the first time `firstAfterMs` after start, one run at a time. The
 * timers do not keep the process alive (unref); `stop` ends them and waits for a run under way, so
 * the database can close after it. A failed run is reported and tried again at the next interval.
 */
export function startPeriodic(
  task: () => Promise<unknown>,
  report: (error: unknown) => void,
  intervalMs: number,
  firstAfterMs: number,
): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = () => {
    if (stopped) return;
    running = running.then(() => task().then(() => undefined, report));
  };
  const first = setTimeout(run, firstAfterMs);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
