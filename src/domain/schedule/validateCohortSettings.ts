import { isValidTimeZone, parseClock, parseLocalDate } from "./localTime.js";
import type { CohortSettings } from "./scheduleTypes.js";

function isIsoWeekday(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 7;
}

/** Problems with cohort settings, one readable sentence each; empty when they are usable. */
export function validateCohortSettings(settings: CohortSettings): string[] {
  const problems: string[] = [];
  if (parseLocalDate(settings.startDate) !== settings.startDate) {
    problems.push(`Start date "${settings.startDate}" is not a calendar date (use YYYY-MM-DD).`);
  }
  if (!isValidTimeZone(settings.timeZone)) {
    problems.push(`Time zone "${settings.timeZone}" is unknown (use an IANA name such as Europe/Berlin).`);
  }
  if (settings.studyDays.length === 0) {
    problems.push("At least one study day is needed.");
  } else if (!settings.studyDays.every(isIsoWeekday)) {
    problems.push("Study days must be ISO weekdays 1 (Monday) to 7 (Sunday).");
  }
  if (!isIsoWeekday(settings.announceDay)) {
    problems.push("The announce day must be an ISO weekday 1 (Monday) to 7 (Sunday).");
  }
  if (parseClock(settings.announceTime) === null) {
    problems.push(`Announce time "${settings.announceTime}" is not a time of day (use HH:MM, 00:00–23:59).`);
  }
  if (parseClock(settings.checkpointTime) === null) {
    problems.push(`Checkpoint time "${settings.checkpointTime}" is not a time of day (use HH:MM, 00:00–23:59).`);
  }
  return problems;
}

/** Throws a RangeError naming every problem; for callers that validated input already. */
export function assertValidCohortSettings(settings: CohortSettings): void {
  const problems = validateCohortSettings(settings);
  if (problems.length > 0) throw new RangeError(`Invalid cohort settings: ${problems.join(" ")}`);
}
