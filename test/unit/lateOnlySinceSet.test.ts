import { describe, expect, it } from "vitest";
import { postsWaitingNow, type PostTimeChange } from "../../src/domain/schedule/catchUpRule.js";
import { localClockOf, localDateOf, zonedInstant } from "../../src/domain/schedule/localTime.js";
import type { PlannedPost } from "../../src/domain/schedule/scheduleTypes.js";
import { settings } from "../helpers/planFixtures.js";

/**
 * Which posts more than a day late the scheduler still sends because a schedule change, not a wait, made them late.
 * A zone edit from Pacific/Pago_Pago (UTC-11) to Pacific/Kiritimati (UTC+14) moves a post 25 hours earlier.
 */
describe("the catch-up exception for posts a change made late", () => {
  const from = "Pacific/Pago_Pago";
  const to = "Pacific/Kiritimati";
  // 19:30Z on Monday 15 March: 08:30 that day in Pago Pago, 09:30 on Tuesday 16 March in Kiritimati.
  const zoneEditAt = new Date("2027-03-15T19:30:00Z");
  const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

  const post = (
    kind: PlannedPost["kind"],
    localDate: string,
    clock: string,
    zone: string,
    extra: Partial<PlannedPost> = {},
  ): PlannedPost => {
    const dueAt = zonedInstant(localDate, clock, zone);
    const period = kind === "week" ? `week-${extra.weekNumber}` : kind === "checkpoint" ? "checkpoint-a" : "closing";
    return { kind, period, dueAt, localDate: localDateOf(dueAt, zone), localTime: localClockOf(dueAt, zone), ...extra };
  };
  const zoneEdit = (at: Date, replaced: PostTimeChange["replaced"] = { timeZone: from }): PostTimeChange => ({
    at,
    replaced,
    reopens: false,
  });
  const sent = (planned: PlannedPost, changes: readonly PostTimeChange[], now: Date, zone = to, announceTime = "09:00") =>
    postsWaitingNow([planned], new Map(), changes, settings({ timeZone: zone, announceTime }), now).map((p) => p.period);

  describe("two edits before one tick", () => {
    // The zone edit, then announce_time 09:00 -> 08:00 five minutes later: the post is now at 08:00 in Kiritimati.
    const timeEditAt = minutesAfter(zoneEditAt, 5);
    const changes = [zoneEdit(timeEditAt, { announceTime: "09:00" }), zoneEdit(zoneEditAt)];
    const now = minutesAfter(zoneEditAt, 10);

    it("still sends the closing post the zone edit moved a day into the past", () => {
      const closing = post("closing", "2027-03-15", "08:00", to);
      expect(now.getTime() - closing.dueAt.getTime()).toBeGreaterThan(24 * 60 * 60 * 1000);
      expect(sent(closing, changes, now, to, "08:00")).toEqual(["closing"]);
    });

    it("still sends the running week's post the zone edit moved a day into the past", () => {
      const week = post("week", "2027-03-15", "08:00", to, { weekNumber: 3 });
      expect(sent(week, changes, now, to, "08:00")).toEqual(["week-3"]);
    });
  });

  describe("keeps the 24-hour rule for", () => {
    const now = minutesAfter(zoneEditAt, 10);

    it("a checkpoint prompt already due at the edit (the cohort paused, the bot down)", () => {
      // 17:00 on Sunday 14 March in Pago Pago is 04:00Z on the 15th, before the edit.
      const checkpoint = post("checkpoint", "2027-03-14", "17:00", to);
      expect(sent(checkpoint, [zoneEdit(zoneEditAt)], now)).toEqual([]);
    });

    it("an edit of the start and the zone together", () => {
      const closing = post("closing", "2027-03-15", "09:00", to);
      expect(sent(closing, [zoneEdit(zoneEditAt, { timeZone: from, startDate: "2027-03-08" })], now)).toEqual([]);
    });

    it("a zone edit a day old or more", () => {
      const closing = post("closing", "2027-03-15", "09:00", to);
      expect(sent(closing, [zoneEdit(zoneEditAt)], minutesAfter(zoneEditAt, 24 * 60))).toEqual([]);
    });

    it("a checkpoint prompt already past when the cohort was created", () => {
      const checkpoint = post("checkpoint", "2027-03-14", "17:00", to);
      expect(sent(checkpoint, [zoneEdit(zoneEditAt, null)], now)).toEqual([]);
    });

    it("the closing post of a course already over at the edit", () => {
      // 09:00 on Monday 8 March in Pago Pago: a week before the edit.
      const closing = post("closing", "2027-03-08", "09:00", to);
      expect(sent(closing, [zoneEdit(zoneEditAt)], now)).toEqual([]);
    });
  });

  it("sends the closing post a zone edit alone moved a day into the past", () => {
    const closing = post("closing", "2027-03-15", "09:00", to);
    expect(sent(closing, [zoneEdit(zoneEditAt)], minutesAfter(zoneEditAt, 10))).toEqual(["closing"]);
  });
});
