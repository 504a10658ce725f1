import { epochDayOfLocalDate, localDateOfEpochDay } from "./localTime.js";

/**
 * Weeks a course may run on past its own (members' `/pace` extensions, later break weeks, late finishers'
 * reminders), with room: its dates must all be ones the bot can write.
 */
const calendarRoomWeeks = 52;
/** The last day the bot's dates reach: "YYYY-MM-DD" has four digits for the year. */
const lastCalendarDay = epochDayOfLocalDate("9999-12-31");

/** The latest start date ("YYYY-MM-DD") of a course of `calendarWeeks` weeks (breaks included) the bot can plan. */
export function latestCourseStart(calendarWeeks: number): string {
  return localDateOfEpochDay(lastCalendarDay - 7 * (calendarWeeks + calendarRoomWeeks));
}

/** Whether a course of `calendarWeeks` weeks starting on `startDate` leaves its room before the bot's last date. */
export function courseFitsCalendar(startDate: string, calendarWeeks: number): boolean {
  return epochDayOfLocalDate(startDate) <= epochDayOfLocalDate(latestCourseStart(calendarWeeks));
}
