/**
 * Middy's early timeout, made to wait: when its signal fires, the handler is
 * told to wrap up (stop collecting, then evaluate and write what it has), and
 * the response waits up to `graceMs` for it before reporting a timeout.
 * Middy's default answers at once, which would freeze the environment in the
 * middle of the evidence upload.
 */

export class TimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeoutError';
  }
}

/**
 * Middy's `timeoutEarlyResponse`: a promise that rejects after `graceMs`
 * unless the handler settles first (Middy races the two).
 *
 * @example
 * middy({ timeoutEarlyInMillis: 120_000, timeoutEarlyResponse: waitForHandler(110_000) })
 */
export function waitForHandler(graceMs: number): () => Promise<never> {
  return () =>
    new Promise<never>((_, reject) => {
      // unref: a timer left over from a run that finished must not hold the event loop.
      setTimeout(
        () => reject(new TimeoutError(`the run did not wrap up within ${graceMs} ms of the early timeout`)),
        graceMs,
      ).unref();
    });
}

/**
 * A signal that fires `marginMs` before the Lambda deadline: the last moment
 * to abort uploads cleanly. Without a Lambda context (tests), it never fires.
 *
 * @example
 * const deadline = deadlineSignal(context, 10_000);
 */
export function deadlineSignal(
  context: { getRemainingTimeInMillis?: () => number },
  marginMs: number,
): AbortSignal | undefined {
  if (typeof context.getRemainingTimeInMillis !== 'function') return undefined;
  return AbortSignal.timeout(Math.max(context.getRemainingTimeInMillis() - marginMs, 0));
}
