import { addDays, localDateOf, zonedInstant, type Clock, type InstantInput } from "./localTime.js";

/**
 * The next instant, strictly after `now`, at which the wall clock in `zone`
 * shows `clock`: later today when that time is still ahead, otherwise
 * tomorrow. Daylight-saving changes keep the wall time (09:00 stays 09:00).
 */
export function nextDailyInstant(now: InstantInput, clock: Clock | string, zone: string): Date {
  const nowMillis = typeof now === "number" ? now : now.getTime();
  const today = localDateOf(nowMillis, zone);
  const todayAt = zonedInstant(today, clock, zone);
  if (todayAt.getTime() > nowMillis) return todayAt;
  return zonedInstant(addDays(today, 1), clock, zone);
}
