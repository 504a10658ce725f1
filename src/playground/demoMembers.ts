import { addDays, zonedInstant } from "../domain/schedule/localTime.js";
import type { CohortPlan } from "../domain/schedule/scheduleTypes.js";

/** A simulated member and their study habits. */
export interface DemoMemberProfile {
  readonly username: string;
  readonly displayName: string;
  /** Days after the cohort's start they joined (negative: before it began). */
  readonly joinedDay: number;
  /** Share of assigned items they finish at all. */
  readonly diligence: number;
  /** Share of finished items they finish a day or more late. */
  readonly lateness: number;
  /** When they usually read, cohort-local "HH:MM". */
  readonly readsAt: string;
}

/**
 * Six members whose habits make /leaderboard, /progress and /pace interesting:
 * Lena reads little, so she is behind the plan; Tomás joins late, in week 2.
 */
export const demoMemberProfiles: readonly DemoMemberProfile[] = [
  { username: "maya.chen", displayName: "Maya Chen", joinedDay: -3, diligence: 1, lateness: 0, readsAt: "07:30" },
  { username: "jonas_w", displayName: "Jonas Weber", joinedDay: -2, diligence: 0.9, lateness: 0.15, readsAt: "20:15" },
  { username: "priya.n", displayName: "Priya Nair", joinedDay: -3, diligence: 0.85, lateness: 0.4, readsAt: "12:40" },
  { username: "sam.okafor", displayName: "Sam Okafor", joinedDay: -1, diligence: 0.65, lateness: 0.5, readsAt: "21:30" },
  { username: "lena.p", displayName: "Lena Petrova", joinedDay: -2, diligence: 0.4, lateness: 0.3, readsAt: "18:00" },
  { username: "tomas.r", displayName: "Tomás Rivera", joinedDay: 8, diligence: 0.7, lateness: 0.2, readsAt: "08:10" },
];

/** The page starts as this member: an evening reader, so today's items are still open in the morning. */
export const demoVisitorUsername = "jonas_w";

/** Someone who has not joined yet, so visitors can try /join. */
export const demoNewcomer = { username: "riley.park", displayName: "Riley Park" } as const;

/** The facilitator, with Manage Server. */
export const demoAdmin = { username: "alex.kim", displayName: "Alex Kim" } as const;

/** Joining after week 1 is a late join: the member starts from that week and earlier items stay a backlog. */
const firstDayOfWeekTwo = 7;

/** When a simulated member joined the cohort: 07:00 cohort-local on their join day. */
export function joinedAt(profile: DemoMemberProfile, startDate: string, timeZone: string): Date {
  return zonedInstant(addDays(startDate, profile.joinedDay), "07:00", timeZone);
}

export interface PlannedCompletion {
  readonly username: string;
  readonly itemId: number;
  readonly at: Date;
}

/**
 * The completions the simulated members logged before `now`, in time order.
 * Deterministic: the same plan and profiles always give the same history.
 */
export function plannedCompletions(
  plan: CohortPlan,
  profiles: readonly DemoMemberProfile[],
  timeZone: string,
  now: Date,
): PlannedCompletion[] {
  const completions: PlannedCompletion[] = [];
  profiles.forEach((profile, index) => {
    const random = seededRandom(index + 1);
    const joinDate = addDays(plan.startDate, profile.joinedDay);
    const earliest = joinedAt(profile, plan.startDate, timeZone).getTime() + 30 * 60_000;
    const lateJoiner = profile.joinedDay >= firstDayOfWeekTwo;
    for (const [date, day] of [...plan.dayByDate].sort(([a], [b]) => a.localeCompare(b))) {
      for (const item of day.items) {
        const finishes = random() < profile.diligence;
        const late = random() < profile.lateness;
        const jitterMinutes = Math.floor(random() * 50);
        if (!finishes || (lateJoiner && date < joinDate)) continue;
        // Week-1 latecomers catch up on the evening they join; others read on the day or a day or two later.
        const readDate = date < joinDate ? joinDate : late ? addDays(date, 1 + Math.floor(random() * 2)) : date;
        const readAt = date < joinDate ? "19:00" : profile.readsAt;
        const at = new Date(Math.max(earliest, zonedInstant(readDate, readAt, timeZone).getTime() + jitterMinutes * 60_000));
        if (at < now) completions.push({ username: profile.username, itemId: item.id, at });
      }
    }
  });
  return completions.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** A linear congruential generator: deterministic, so the demo looks the same every time. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}
