import { DateTime, IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { forgetZoneOffsets, localClockOf, localDateOf, zoneOffsetLookups, zoneOffsetMinutes } from "../../src/domain/schedule/localTime.js";

/** Zones with DST at 02:00/03:00, 30-minute shifts, southern-hemisphere and irregular (Ramadan) transitions, and none. */
const zones = [
  "America/New_York",
  "Europe/Berlin",
  "Europe/London",
  "America/St_Johns",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "America/Santiago",
  "Africa/Casablanca",
  "Asia/Kolkata",
  "UTC",
];

const hourMs = 3_600_000;

/** A small deterministic generator (mulberry32): the same instants every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const transitionsByZone = new Map<string, number[]>();

/** The UTC hours in which the zone's offset changes between 2024 and 2030, found by luxon (day by day, then hour by hour). */
function transitions(zone: string): number[] {
  const known = transitionsByZone.get(zone);
  if (known !== undefined) return known;
  const iana = IANAZone.create(zone);
  const found: number[] = [];
  const end = Date.UTC(2030, 0, 1);
  for (let day = Date.UTC(2024, 0, 1); day < end; day += 24 * hourMs) {
    if (iana.offset(day) === iana.offset(day + 24 * hourMs)) continue;
    for (let at = day; at < day + 24 * hourMs; at += hourMs) {
      if (iana.offset(at) !== iana.offset(at + hourMs)) found.push(at);
    }
  }
  transitionsByZone.set(zone, found);
  return found;
}

describe("memoised zone offsets", () => {
  it.each(zones)("agree with luxon for random instants around every DST change in %s (2024–2030), in any order", (zone) => {
    const next = random(zone.length * 7919);
    const near = transitions(zone).flatMap((at) => Array.from({ length: 40 }, () => at + Math.floor((next() - 0.5) * 6 * hourMs)));
    const anywhere = Array.from({ length: 2_000 }, () => Date.UTC(1990, 0, 1) + Math.floor(next() * 50 * 365 * 24 * hourMs));
    const instants = [...near, ...anywhere].sort(() => next() - 0.5);
    const iana = IANAZone.create(zone);
    // Twice: the first pass fills the memo, the second reads it.
    for (const pass of [1, 2]) {
      for (const millis of instants) {
        const luxon = DateTime.fromMillis(millis, { zone });
        const context = `${zone} ${new Date(millis).toISOString()} (pass ${pass})`;
        expect(zoneOffsetMinutes(zone, millis), context).toBe(iana.offset(millis));
        expect(localDateOf(millis, zone), context).toBe(luxon.toISODate());
        expect(localClockOf(millis, zone), context).toBe(luxon.toFormat("HH:mm"));
      }
    }
  });

  it("agrees with luxon at the milliseconds either side of a transition", () => {
    for (const zone of zones) {
      const iana = IANAZone.create(zone);
      for (const hour of transitions(zone)) {
        // The exact instant of the change within the hour, by bisection on luxon.
        let before = hour;
        let after = hour + hourMs;
        while (after - before > 1) {
          const middle = Math.floor((before + after) / 2);
          if (iana.offset(middle) === iana.offset(hour)) before = middle;
          else after = middle;
        }
        for (const millis of [before - 1, before, after, after + 1]) {
          expect(zoneOffsetMinutes(zone, millis), `${zone} ${millis}`).toBe(iana.offset(millis));
          expect(zoneOffsetMinutes(zone, millis), `${zone} ${millis} again`).toBe(iana.offset(millis));
        }
      }
    }
  });

  it("stays right once more hours were asked than it keeps (the oldest are forgotten)", () => {
    const zone = "Europe/Berlin";
    const iana = IANAZone.create(zone);
    const start = Date.UTC(2000, 0, 1, 0, 30);
    for (const pass of [1, 2]) {
      for (let hour = 0; hour < 30_000; hour += 1) {
        const millis = start + hour * hourMs;
        if (zoneOffsetMinutes(zone, millis) !== iana.offset(millis)) expect.fail(`${new Date(millis).toISOString()} (pass ${pass})`);
      }
    }
  });

  it("keeps memoising a zone whose last hour an eviction just took", () => {
    forgetZoneOffsets();
    // Tokyo's one hour is the oldest when the memo is full: the next new Tokyo
    // hour evicts it, which empties (and drops) Tokyo's map of hours.
    const tokyoStart = Date.UTC(2027, 0, 1);
    zoneOffsetMinutes("Asia/Tokyo", tokyoStart);
    for (let hour = 1; hour < 20_000; hour += 1) zoneOffsetMinutes("UTC", Date.UTC(2000, 0, 1) + hour * hourMs);
    for (let hour = 1; hour <= 10; hour += 1) zoneOffsetMinutes("Asia/Tokyo", tokyoStart + hour * hourMs);

    const lookups = zoneOffsetLookups();
    for (let hour = 1; hour <= 10; hour += 1) expect(zoneOffsetMinutes("Asia/Tokyo", tokyoStart + hour * hourMs)).toBe(540);
    expect(zoneOffsetLookups()).toBe(lookups);
  });
});
