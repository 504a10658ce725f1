import { setImmediate as nextTurn } from "node:timers/promises";

type Step = (...args: unknown[]) => Promise<unknown>;

/**
 * Watches the step of shutdown that must wait for work a test holds back (`owner[method]`, e.g. the
 * bot's settleInteractions), so the test releases that work on an event instead of after a guess at
 * how long a wrong close() would need to go too far. Install it just before calling close(): calls
 * made after that are taken as close()'s.
 */
export function watchShutdownStep<K extends string>(owner: { [key in K]: (...args: never[]) => Promise<unknown> }, method: K) {
  const steps = owner as unknown as Record<K, Step>;
  const original = steps[method];
  // Boxed, so that awaiting `called` gives the call rather than its outcome.
  let reportCall!: (step: { readonly call: Promise<unknown> }) => void;
  const called = new Promise<{ readonly call: Promise<unknown> }>((resolve) => (reportCall = resolve));
  // Replaced on this one object, which the test's app closes with it: nothing else to put back.
  steps[method] = (...args: unknown[]) => {
    const call = original.apply(owner, args);
    reportCall({ call });
    return call;
  };

  /**
   * Resolves once shutdown can get no further without the held work, and says how it got there:
   * "waiting" when close() has called the step and the step is still unfinished a full turn of the
   * event loop later (a step that waits for nothing outside this process has finished by then),
   * "closed" when `closing` settled first (close() did not wait). No clock is involved: a slow
   * machine only makes either take longer.
   */
  async function blocked(closing: Promise<unknown>): Promise<"waiting" | "closed"> {
    const closed = closing.then(
      () => "closed" as const,
      () => "closed" as const,
    );
    const stuck = (async () => {
      const { call } = await called;
      const finished = call.then(
        () => true,
        () => true,
      );
      const finishedAlone = await Promise.race([finished, nextTurn(false)]);
      // A step that finished without the held work never waited for it: shutdown runs on to its end.
      return finishedAlone ? closed : ("waiting" as const);
    })();
    return Promise.race([stuck, closed]);
  }

  return { blocked };
}
