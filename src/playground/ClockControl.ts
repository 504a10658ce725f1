import type { ManualClock } from "../clock.js";
import { CohortStatus, type Cohort } from "../domain/cohort/cohortModel.js";
import { dayInfo } from "../domain/schedule/dayInfo.js";
import { addDays, localDateOf, zonedInstant } from "../domain/schedule/localTime.js";
import { memberTimeZone } from "../domain/schedule/memberDay.js";
import { UserError } from "../errors.js";
import { languageCodes, type Language } from "../discord/i18n/languages.js";
import { translatorFor, type Translator } from "../discord/i18n/Translator.js";
import type { Services } from "../services/Services.js";
import { cohortSchedule, describePost } from "./cohortSchedule.js";
import type { DemoActivity } from "./SimulatedReaders.js";

/** The part of the scheduler the playground drives: one pass over everything due at `now`. */
export interface PostScheduler {
  /** `sent`: the posts this run sent (Scheduler's TickReport). */
  tick(now: Date): Promise<{ readonly sent: readonly unknown[] }>;
}

export interface UpcomingPost {
  readonly cohortName: string;
  /** "Week 3 assignment", in a language. */
  readonly label: (translator: Translator) => string;
  readonly dueAt: Date;
}

/** A text of the clock panel in each language the page offers, by language code ("en", "es"): switching is instant. */
export type Worded = Readonly<Record<Language, string>>;

function wordedInEach(words: (translator: Translator) => string): Worded {
  return Object.fromEntries(languageCodes.map((code) => [code, words(translatorFor(code))]));
}

/** What the page's clock panel shows. */
export interface ClockStatus {
  /** Epoch milliseconds on the playground's clock. */
  readonly now: number;
  readonly timeZone: string;
  /** Where the demo cohort stands: "Week 2 · Day 3", "Starts 2027-01-04", …; empty when there is no cohort. */
  readonly cohortDay: Worded;
  readonly nextPost: { readonly label: Worded; readonly cohortName: string; readonly dueAt: number } | null;
}

const dayMs = 86_400_000;

/**
 * Moves the playground's clock and lets the real scheduler catch up: it ticks at
 * the due time of every post and reminder passed on the way (so each is sent on
 * time, as a bot that had been running would), then at the new time. The
 * simulated members read at their own moments on the way.
 */
export class ClockControl {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly clock: ManualClock,
    private readonly services: Services,
    private readonly guildId: string,
    private readonly demoCohortId: number,
    private readonly timeZone: string,
    private readonly scheduler: PostScheduler,
    /** The demo server's people, whose /remind times the clock stops at. */
    private readonly userIds: () => readonly string[],
    /** The simulated members' reading, done at its own moments on the way. */
    private readonly activity: DemoActivity,
  ) {}

  advanceBy(milliseconds: number): Promise<void> {
    return this.serialized(async () => this.moveTo(new Date(this.clock.now().getTime() + milliseconds)));
  }

  advanceDays(days: number): Promise<void> {
    return this.advanceBy(days * dayMs);
  }

  /** Moves to the next post of any active cohort of the demo server; false when none is left. */
  advanceToNextPost(): Promise<boolean> {
    return this.serialized(async () => {
      const next = (await this.upcomingPosts())[0];
      if (next === undefined) return false;
      await this.moveTo(next.dueAt);
      return true;
    });
  }

  /**
   * Runs the scheduler once at the current time: after the demo history was written, and after each
   * command or click. Whether it sent a post.
   */
  tickNow(): Promise<boolean> {
    return this.serialized(async () => (await this.scheduler.tick(this.clock.now())).sent.length > 0);
  }

  async status(): Promise<ClockStatus> {
    const now = this.clock.now();
    const cohorts = await this.services.cohorts.list(this.guildId);
    const demo = cohorts.find((cohort) => cohort.id === this.demoCohortId) ?? cohorts[0];
    const next = (await this.upcomingPosts())[0];
    const totalWeeks = demo === undefined ? 0 : (await cohortSchedule(this.services, demo)).plan.totalWeeks;
    return {
      now: now.getTime(),
      timeZone: demo?.settings.timeZone ?? this.timeZone,
      cohortDay: wordedInEach((translator) => (demo === undefined ? "" : cohortDayText(demo, totalWeeks, now, translator))),
      nextPost: next === undefined ? null : { label: wordedInEach(next.label), cohortName: next.cohortName, dueAt: next.dueAt.getTime() },
    };
  }

  /** Posts still to come, soonest first (paused and ended cohorts post nothing). */
  async upcomingPosts(): Promise<UpcomingPost[]> {
    const now = this.clock.now();
    const upcoming: UpcomingPost[] = [];
    for (const cohort of await this.services.cohorts.list(this.guildId)) {
      if (cohort.status !== CohortStatus.Active) continue;
      const schedule = await cohortSchedule(this.services, cohort);
      for (const post of schedule.posts) {
        if (post.dueAt > now)
          upcoming.push({
            cohortName: cohort.name,
            label: (translator) => describePost(post, schedule.curriculum, translator),
            dueAt: post.dueAt,
          });
      }
    }
    return upcoming.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  }

  private async moveTo(target: Date): Promise<void> {
    const from = this.clock.now();
    const posts = (await this.upcomingPosts()).filter((post) => post.dueAt <= target).map((post) => post.dueAt.getTime());
    const reminders = await this.reminderTimes(from, target);
    const dueTimes = [...new Set([...posts, ...reminders])];
    // Posts before reading at the same instant, as in the demo's history (a stable sort keeps that order).
    const steps = [
      ...dueTimes.map((dueAt) => ({ at: new Date(dueAt), run: () => this.tick(new Date(dueAt)) })),
      ...(await this.activity.between(from, target)),
    ].sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const step of steps) {
      this.clock.set(step.at);
      await step.run();
    }
    this.clock.set(target);
    await this.tick(target);
  }

  private async tick(now: Date): Promise<void> {
    await this.scheduler.tick(now);
  }

  /** Instants in (from, to] at which a member's daily reminder falls, as the scheduler computes them. */
  private async reminderTimes(from: Date, to: Date): Promise<number[]> {
    const times: number[] = [];
    for (const cohort of await this.services.cohorts.list(this.guildId)) {
      if (cohort.status !== CohortStatus.Active) continue;
      for (const userId of this.userIds()) {
        const member = await this.services.cohorts.memberOf(cohort, userId).catch((error: unknown) => {
          if (error instanceof UserError) return null;
          throw error;
        });
        if (member === null || member.leftAt !== null || member.remindTime === null) continue;
        const zone = memberTimeZone(member.remindTimeZone, cohort.settings.timeZone);
        for (let date = localDateOf(from, zone); date <= localDateOf(to, zone); date = addDays(date, 1)) {
          const at = zonedInstant(date, member.remindTime, zone).getTime();
          if (at > from.getTime() && at <= to.getTime()) times.push(at);
        }
      }
    }
    return times;
  }

  /** One clock move at a time, even when the page's buttons are clicked quickly. */
  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/** The clock panel's "Week 2 · Day 3", with the cohort's status when it is not active and the words do not already say it. */
export function cohortDayText(cohort: Cohort, totalWeeks: number, now: Date, translator: Translator): string {
  const day = dayInfo(cohort.settings, now);
  const finished = day.weekNumber > totalWeeks;
  const words =
    day.weekNumber === 0
      ? translator.plain("playground.clock.starts", { date: cohort.settings.startDate })
      : finished
        ? translator.plain("playground.clock.finished")
        : translator.plain(day.isStudyDay ? "playground.clock.week" : "playground.clock.weekNoReading", {
            week: day.weekNumber,
            day: day.dayOfWeekIndex,
          });
  const statusSaid = cohort.status === CohortStatus.Active || (finished && cohort.status === CohortStatus.Finished);
  return statusSaid ? words : translator.plain("playground.clock.withStatus", { words, status: cohort.status });
}
