import { describe, expect, it } from "vitest";
import { nextDailyInstant } from "../../src/domain/schedule/nextDailyInstant.js";

describe("nextDailyInstant", () => {
  it("is later today while the time is still ahead, otherwise tomorrow", () => {
    expect(nextDailyInstant(new Date("2027-01-05T07:00:00Z"), "08:30", "UTC").toISOString()).toBe("2027-01-05T08:30:00.000Z");
    expect(nextDailyInstant(new Date("2027-01-05T10:00:00Z"), "08:30", "UTC").toISOString()).toBe("2027-01-06T08:30:00.000Z");
    // Exactly at the time: the next one is tomorrow's.
    expect(nextDailyInstant(new Date("2027-01-05T08:30:00Z"), "08:30", "UTC").toISOString()).toBe("2027-01-06T08:30:00.000Z");
  });

  it("reads the wall clock in the member's zone, which may be on another calendar day", () => {
    // 23:30 UTC on the 5th is 08:30 on the 6th in Tokyo (UTC+9): 09:00 Tokyo is 30 minutes away.
    expect(nextDailyInstant(new Date("2027-01-05T23:30:00Z"), "09:00", "Asia/Tokyo").toISOString()).toBe("2027-01-06T00:00:00.000Z");
  });

  it("keeps the local time across a daylight-saving change", () => {
    // Berlin moves from UTC+1 to UTC+2 on 2027-03-28: 08:30 local is 07:30 UTC before and 06:30 UTC after.
    expect(nextDailyInstant(new Date("2027-03-27T12:00:00Z"), "08:30", "Europe/Berlin").toISOString()).toBe("2027-03-28T06:30:00.000Z");
    // 02:30 does not exist that night; the reminder moves to the first instant after the gap.
    expect(nextDailyInstant(new Date("2027-03-27T12:00:00Z"), "02:30", "Europe/Berlin").toISOString()).toBe("2027-03-28T01:00:00.000Z");
  });
});
