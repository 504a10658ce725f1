/** The clock reached the deadline before the work was done (its signal was aborted then). */
export class DeadlinePassedError extends Error {
  constructor(deadline: number) {
    super(`not done by ${new Date(deadline).toISOString()}: given up`);
    this.name = "DeadlinePassedError";
  }
}

/**
 * Runs `work` with a signal that aborts once `now()` reaches `deadline`, and rejects then with DeadlinePassedError
 * without waiting for `work` (a request discord.js was told to abort may first sit out a rate limit before it
 * rejects; its outcome is dropped). The deadline is checked every `checkEveryMs` of the wall clock against `now`,
 * which may be a clock a test or the playground moves by hand.
 */
export async function untilClockDeadline<T>(
  work: (signal: AbortSignal) => Promise<T>,
  now: () => number,
  deadline: number,
  checkEveryMs: number,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setInterval> | undefined;
  const passed = new Promise<never>((_resolve, reject) => {
    const check = () => {
      if (now() < deadline) return;
      clearInterval(timer);
      controller.abort();
      reject(new DeadlinePassedError(deadline));
    };
    timer = setInterval(check, checkEveryMs);
    timer.unref();
    check();
  });
  const running = work(controller.signal);
  // Whichever loses the race settles unheard.
  running.catch(() => undefined);
  passed.catch(() => undefined);
  try {
    return await Promise.race([running, passed]);
  } finally {
    clearInterval(timer);
  }
}
