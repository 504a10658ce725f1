import { zonedInstant } from "./localTime.js";

const minutesPerDay = 24 * 60;

function clockOfMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/**
 * The latest "HH:MM" whose instant on `localDate` in `zone` is at or before `now` (as the scheduler
 * reads a reminder time, `zonedInstant`, so a time in a daylight-saving gap counts when it does); null
 * when even 00:00 is still to come. "HH:MM" texts sort as the times they name, so a repository can
 * select every reminder time up to it in SQL. A binary search: 11 instants whatever the day.
 */
export function latestPassedClock(localDate: string, zone: string, now: Date): string | null {
  const passed = (minute: number) => zonedInstant(localDate, clockOfMinute(minute), zone).getTime() <= now.getTime();
  if (!passed(0)) return null;
  let low = 0;
  let high = minutesPerDay - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (passed(middle)) low = middle;
    else high = middle - 1;
  }
  return clockOfMinute(low);
}
