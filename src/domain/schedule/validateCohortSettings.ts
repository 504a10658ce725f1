import { isValidTimeZone, parseClock, parseLocalDate } from "./localTime.js";
import type { CohortSettings } from "./scheduleTypes.js";

/** What can be wrong with cohort settings: codes, so that each layer above words them its own way. */
export const CohortSettingsProblem = {
  StartDate: "startDate",
  TimeZone: "timeZone",
  AnnounceTime: "announceTime",
  AnnounceDay: "announceDay",
  NoStudyDays: "noStudyDays",
  StudyDays: "studyDays",
  CheckpointTime: "checkpointTime",
} as const;
export type CohortSettingsProblem = (typeof CohortSettingsProblem)[keyof typeof CohortSettingsProblem];

function isIsoWeekday(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 7;
}

/**
 * The one check of cohort settings (admins' input through CohortService, and
 * every plan built): the problems in the order an admin should fix them, empty
 * when the settings are usable.
 */
export function validateCohortSettings(settings: CohortSettings): CohortSettingsProblem[] {
  const problems: CohortSettingsProblem[] = [];
  if (parseLocalDate(settings.startDate) !== settings.startDate) problems.push(CohortSettingsProblem.StartDate);
  if (!isValidTimeZone(settings.timeZone)) problems.push(CohortSettingsProblem.TimeZone);
  if (parseClock(settings.announceTime) === null) problems.push(CohortSettingsProblem.AnnounceTime);
  if (!isIsoWeekday(settings.announceDay)) problems.push(CohortSettingsProblem.AnnounceDay);
  if (settings.studyDays.length === 0) problems.push(CohortSettingsProblem.NoStudyDays);
  else if (!settings.studyDays.every(isIsoWeekday)) problems.push(CohortSettingsProblem.StudyDays);
  if (parseClock(settings.checkpointTime) === null) problems.push(CohortSettingsProblem.CheckpointTime);
  return problems;
}

/** Throws a RangeError naming every problem; for callers that validated input already. */
export function assertValidCohortSettings(settings: CohortSettings): void {
  const problems = validateCohortSettings(settings);
  if (problems.length > 0) throw new RangeError(`Invalid cohort settings: ${problems.join(", ")}`);
}
