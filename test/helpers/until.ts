import { waitLimitMs } from "./botHarness.js";

/**
 * Waits until `condition` holds, asking again every `intervalMs`. No count of tries, since how long
 * an event takes to arrive depends on the machine's load; the limit is waitLimitMs, a hang guard below
 * the test's timeout, so a condition that never holds fails with `timed out waiting for <what>`
 * instead of a bare "Test timed out", and stops polling.
 */
export async function until(condition: () => boolean | Promise<boolean>, what: string, intervalMs = 10): Promise<void> {
  const deadline = Date.now() + waitLimitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
