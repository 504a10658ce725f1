/** Discord allows 3 s from creating an interaction to its first answer. */
export const acknowledgeWindowMs = 3_000;
/** Defer once this much of the window has gone, counted from when Discord created the interaction… */
const deferAtAgeMs = 1_500;
/** …and at the latest this long after the handler started, whatever the clocks say. */
const deferAfterStartMs = 2_000;

/**
 * How long a handler may work before the router acknowledges ("thinking…")
 * its interaction. Counted from the interaction's creation (its snowflake),
 * not from when this process got to it: under a burst an interaction can
 * wait in line for a second, and a timer started only then would miss the
 * window. An age outside the window (negative, or already past it) means the
 * clocks disagree, so the plain delay from the start applies.
 */
export function autoDeferDelay(nowMs: number, createdAtMs: number): number {
  const age = nowMs - createdAtMs;
  if (age < 0 || age >= acknowledgeWindowMs) return deferAfterStartMs;
  return Math.min(deferAfterStartMs, Math.max(0, deferAtAgeMs - age));
}
