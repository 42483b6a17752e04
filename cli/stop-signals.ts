/**
 * Stopping a long command on request. The first Ctrl-C (or SIGTERM, where
 * asked for) aborts the signal `work` runs under, with the signal's name as
 * the reason, so the command can wind down and clean up; a second one is
 * left to Node, which quits at once.
 *
 * @example
 * await untilStopped(['SIGINT'], () => output.err('stopping…'), (signal) => collect({ signal }));
 */
export async function untilStopped<T>(
  signals: readonly NodeJS.Signals[],
  onStop: () => void,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const release = () => {
    for (const name of signals) process.off(name, stop);
  };
  const stop = (name: NodeJS.Signals) => {
    release();
    onStop();
    controller.abort(name);
  };
  for (const name of signals) process.on(name, stop);
  try {
    return await work(controller.signal);
  } finally {
    release();
  }
}
