import { describe, expect, it } from "vitest";
import {
  epochDayOfLocalDate,
  isoWeekdayOfEpochDay,
  localDateOfEpochDay,
  addDays,
  daysBetween,
  endOfLocalDay,
  formatClock,
  isoWeekday,
  isValidTimeZone,
  latestWeekdayOnOrBefore,
  localClockOf,
  localDateOf,
  parseClock,
  parseLocalDate,
  localDateProblem,
  LocalDateProblem,
  startOfLocalDay,
  zonedInstant,
} from "../../src/domain/schedule/localTime.js";

const utc = (iso: string): Date => new Date(iso);

describe("isValidTimeZone", () => {
  it.each(["UTC", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham", "Europe/Berlin"])("accepts %s", (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(["Mars/Olympus_Mons", "America/NewYork", "", "   ", "Europe/"])("rejects %j", (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe("parseLocalDate", () => {
  it.each(["2027-03-01", "2028-02-29", "2000-02-29", "2027-12-31", "2027-01-01"])("accepts %s", (text) => {
    expect(parseLocalDate(text)).toBe(text);
  });

  it("trims surrounding whitespace", () => {
    expect(parseLocalDate(" 2027-03-01 ")).toBe("2027-03-01");
  });

  it.each([
    "2027-02-29",
    "2027-02-30",
    "2026-13-01",
    "2027-04-31",
    "2100-02-29",
    "2027-00-10",
    "2027-01-00",
    "2027-3-1",
    "03/01/2027",
    "",
    "tomorrow",
    "2027-03-01T00:00",
  ])("rejects %j", (text) => {
    expect(parseLocalDate(text)).toBeNull();
  });
});

describe("localDateProblem", () => {
  it("has none for a date parseLocalDate accepts", () => {
    expect(localDateProblem(" 2028-02-29 ")).toBeNull();
  });

  it.each(["2027-02-29", "2027-02-30", "2026-13-01", "2027-00-10", "2027-01-00"])("calls %j no such date", (text) => {
    expect(localDateProblem(text)).toBe(LocalDateProblem.NoSuchDate);
  });

  // The bot's calendar starts with the year 1000: "0027-03-01" is a short year, not a wrong month or day.
  it.each(["0999-01-01", "0027-03-01", "0000-02-30"])("calls %j a year before 1000", (text) => {
    expect(localDateProblem(text)).toBe(LocalDateProblem.Year);
  });

  it.each(["11/01/2027", "2027-3-1", "01-11-2027", "2027/01/11", "", "tomorrow", "2027-03-01T00:00", "2027-0a-01"])(
    "calls %j a format problem",
    (text) => {
      expect(localDateProblem(text)).toBe(LocalDateProblem.Format);
    },
  );
});

describe("parseClock", () => {
  it.each([
    ["09:00", 9, 0],
    ["00:00", 0, 0],
    ["23:59", 23, 59],
    ["9:30", 9, 30],
    ["17:05", 17, 5],
  ])("reads %s", (text, hour, minute) => {
    expect(parseClock(text)).toEqual({ hour, minute });
  });

  it.each(["24:00", "12:60", "9:5", "nine", "", "-1:00", "09:00:00", "0900", "25:61"])("rejects %j", (text) => {
    expect(parseClock(text)).toBeNull();
  });

  it("formats back to two-digit HH:MM", () => {
    expect(formatClock({ hour: 9, minute: 5 })).toBe("09:05");
  });
});

describe("calendar arithmetic", () => {
  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2027-03-01", 7)).toBe("2027-03-08");
    expect(addDays("2027-12-31", 1)).toBe("2028-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(addDays("2027-03-13", 1)).toBe("2027-03-14");
    expect(addDays("2027-03-14", 0)).toBe("2027-03-14");
  });

  it("counts whole days between dates, including backwards", () => {
    expect(daysBetween("2027-03-01", "2027-03-15")).toBe(14);
    expect(daysBetween("2027-03-15", "2027-03-01")).toBe(-14);
    expect(daysBetween("2027-02-01", "2027-03-01")).toBe(28);
  });

  it("knows ISO weekdays (Monday 1 … Sunday 7)", () => {
    expect(isoWeekday("2027-03-01")).toBe(1);
    expect(isoWeekday("2027-03-03")).toBe(3);
    expect(isoWeekday("2027-03-14")).toBe(7);
    expect(isoWeekday("2027-04-04")).toBe(7);
    expect(isoWeekday("2028-02-29")).toBe(2);
  });

  it("finds the latest given weekday on or before a date", () => {
    expect(latestWeekdayOnOrBefore("2027-03-03", 1)).toBe("2027-03-01");
    expect(latestWeekdayOnOrBefore("2027-03-01", 1)).toBe("2027-03-01");
    expect(latestWeekdayOnOrBefore("2027-03-01", 7)).toBe("2027-02-28");
    expect(latestWeekdayOnOrBefore("2027-03-01", 2)).toBe("2027-02-23");
  });

  it("refuses dates that do not exist", () => {
    expect(() => addDays("2027-02-29", 1)).toThrow(RangeError);
    expect(() => isoWeekday("2026-13-01")).toThrow(RangeError);
  });
});

describe("epoch days", () => {
  it("agree with the date-string arithmetic over leap years, before 1970 and across centuries", () => {
    for (const start of ["1969-12-25", "2027-02-27", "2099-12-30", "2100-02-27"]) {
      const epochDay = epochDayOfLocalDate(start);
      for (let days = -400; days <= 400; days += 1) {
        const date = addDays(start, days);
        expect(localDateOfEpochDay(epochDay + days)).toBe(date);
        expect(isoWeekdayOfEpochDay(epochDay + days)).toBe(isoWeekday(date));
      }
    }
  });

  it("refuse what is not a date or a whole day", () => {
    expect(() => epochDayOfLocalDate("2027-02-29")).toThrow(RangeError);
    expect(() => localDateOfEpochDay(1.5)).toThrow(RangeError);
  });
});

describe("localDateOf / localClockOf", () => {
  it("reads the cohort-local date in each zone", () => {
    // 23:59:59 and 00:00 in Kolkata (+05:30).
    expect(localDateOf(utc("2027-03-01T18:29:59Z"), "Asia/Kolkata")).toBe("2027-03-01");
    expect(localDateOf(utc("2027-03-01T18:30:00Z"), "Asia/Kolkata")).toBe("2027-03-02");
    // New York is still on the previous day at 04:59 UTC in winter (−05:00).
    expect(localDateOf(utc("2027-03-02T04:59:00Z"), "America/New_York")).toBe("2027-03-01");
    // Chatham runs ahead of UTC by 13:45 in its summer.
    expect(localDateOf(utc("2027-02-28T11:15:00Z"), "Pacific/Chatham")).toBe("2027-03-01");
    expect(localDateOf(utc("2027-02-28T10:14:00Z"), "Pacific/Chatham")).toBe("2027-02-28");
    expect(localDateOf(Date.UTC(2027, 2, 1, 23, 59), "UTC")).toBe("2027-03-01");
  });

  it("reads the wall-clock time", () => {
    expect(localClockOf(utc("2027-03-01T03:30:00Z"), "Asia/Kolkata")).toBe("09:00");
    expect(localClockOf(utc("2027-02-28T19:15:00Z"), "Pacific/Chatham")).toBe("09:00");
  });

  it("rejects unknown zones", () => {
    expect(() => localDateOf(0, "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("zonedInstant", () => {
  it("keeps 09:00 local across the US DST change by moving the UTC offset", () => {
    const before = zonedInstant("2027-03-12", "09:00", "America/New_York");
    const after = zonedInstant("2027-03-15", "09:00", "America/New_York");
    expect(before.toISOString()).toBe("2027-03-12T14:00:00.000Z"); // EST, −05:00
    expect(after.toISOString()).toBe("2027-03-15T13:00:00.000Z"); // EDT, −04:00
  });

  it("keeps 09:00 local across the Sydney DST change", () => {
    expect(zonedInstant("2027-04-02", "09:00", "Australia/Sydney").toISOString()).toBe("2027-04-01T22:00:00.000Z"); // +11:00
    expect(zonedInstant("2027-04-05", "09:00", "Australia/Sydney").toISOString()).toBe("2027-04-04T23:00:00.000Z"); // +10:00
  });

  it("handles half- and three-quarter-hour offsets", () => {
    expect(zonedInstant("2027-03-01", "09:00", "Asia/Kolkata").toISOString()).toBe("2027-03-01T03:30:00.000Z");
    expect(zonedInstant("2027-03-01", "09:00", "Pacific/Chatham").toISOString()).toBe("2027-02-28T19:15:00.000Z");
    expect(zonedInstant("2027-04-05", "09:00", "Pacific/Chatham").toISOString()).toBe("2027-04-04T20:15:00.000Z");
  });

  it("moves a time in the spring-forward gap to the first instant after it (02:30 → 03:00 New York)", () => {
    const instant = zonedInstant("2027-03-14", "02:30", "America/New_York");
    expect(instant.toISOString()).toBe("2027-03-14T07:00:00.000Z");
    expect(localClockOf(instant, "America/New_York")).toBe("03:00");
    expect(localDateOf(instant, "America/New_York")).toBe("2027-03-14");
  });

  it("moves gap times in other zones to the end of their gap", () => {
    // Sydney springs forward 02:00 → 03:00 on 2027-10-03.
    expect(zonedInstant("2027-10-03", "02:30", "Australia/Sydney").toISOString()).toBe("2027-10-02T16:00:00.000Z");
    // Chatham springs forward 02:45 → 03:45 on 2027-09-26: both 03:00 and 03:45 land on the transition.
    expect(zonedInstant("2027-09-26", "03:00", "Pacific/Chatham").toISOString()).toBe("2027-09-25T14:00:00.000Z");
    expect(zonedInstant("2027-09-26", "03:45", "Pacific/Chatham").toISOString()).toBe("2027-09-25T14:00:00.000Z");
  });

  it("takes the earlier instant of a fall-back overlap", () => {
    // 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST) on 2027-11-07.
    expect(zonedInstant("2027-11-07", "01:30", "America/New_York").toISOString()).toBe("2027-11-07T05:30:00.000Z");
    // Sydney repeats 02:00–03:00 on 2027-04-04: the first 02:30 is still +11:00.
    expect(zonedInstant("2027-04-04", "02:30", "Australia/Sydney").toISOString()).toBe("2027-04-03T15:30:00.000Z");
    // Chatham repeats 02:45–03:45 on 2027-04-04: the first 02:45 is still +13:45.
    expect(zonedInstant("2027-04-04", "02:45", "Pacific/Chatham").toISOString()).toBe("2027-04-03T13:00:00.000Z");
  });

  it("accepts a parsed clock as well as text", () => {
    expect(zonedInstant("2027-03-01", { hour: 17, minute: 0 }, "UTC").toISOString()).toBe("2027-03-01T17:00:00.000Z");
  });

  it("rejects bad dates, clocks and zones", () => {
    expect(() => zonedInstant("2027-02-29", "09:00", "UTC")).toThrow(RangeError);
    expect(() => zonedInstant("2026-13-01", "09:00", "UTC")).toThrow(RangeError);
    expect(() => zonedInstant("2027-03-01", "24:00", "UTC")).toThrow(RangeError);
    expect(() => zonedInstant("2027-03-01", { hour: 9, minute: 75 }, "UTC")).toThrow(RangeError);
    expect(() => zonedInstant("2027-03-01", "09:00", "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("start and end of a local day", () => {
  it("spans 23 hours on the New York spring-forward day", () => {
    const start = startOfLocalDay("2027-03-14", "America/New_York");
    const end = endOfLocalDay("2027-03-14", "America/New_York");
    expect(start.toISOString()).toBe("2027-03-14T05:00:00.000Z");
    expect(end.toISOString()).toBe("2027-03-15T04:00:00.000Z");
    expect(end.getTime() - start.getTime()).toBe(23 * 3_600_000);
  });

  it("spans 25 hours on the Sydney fall-back day", () => {
    const start = startOfLocalDay("2027-04-04", "Australia/Sydney");
    const end = endOfLocalDay("2027-04-04", "Australia/Sydney");
    expect(start.toISOString()).toBe("2027-04-03T13:00:00.000Z");
    expect(end.toISOString()).toBe("2027-04-04T14:00:00.000Z");
    expect(end.getTime() - start.getTime()).toBe(25 * 3_600_000);
  });

  it("ends the day at the next local midnight in Kolkata", () => {
    expect(endOfLocalDay("2027-03-01", "Asia/Kolkata").toISOString()).toBe("2027-03-01T18:30:00.000Z");
  });

  it("starts a day whose midnight is skipped at its first real instant (Santiago, 2027-09-05 begins at 01:00)", () => {
    expect(endOfLocalDay("2027-09-04", "America/Santiago").toISOString()).toBe("2027-09-05T04:00:00.000Z");
    expect(localClockOf(endOfLocalDay("2027-09-04", "America/Santiago"), "America/Santiago")).toBe("01:00");
  });
});
