import type { Cohort, MemberRecord } from "../domain/cohort/cohortModel.js";
import { addDays, localDateOf, zonedInstant } from "../domain/schedule/localTime.js";
import { memberDateOf, memberDayEnd, memberToday, reminderDayOf } from "../domain/schedule/memberDay.js";
import { isMemberStudyDay } from "../domain/schedule/memberPlan.js";
import { memberCourseHasEnded, memberDayStatus } from "../domain/schedule/memberStatus.js";
import type { CompletionRepository } from "../db/repositories/CompletionRepository.js";
import type { ReminderNotice, ReminderRepository } from "../db/repositories/ReminderRepository.js";
import type { CohortService, ReminderRequest, ReminderSettingView } from "./CohortService.js";
import type { MemberPlanning, MemberPlanService } from "./MemberPlanService.js";
import { breakCalendarOf } from "./CourseEndService.js";
import { storedPlanItem, type StoredPlanItem } from "./PlanService.js";

export type { ReminderNotice };

export interface ReminderView {
  readonly cohort: Cohort;
  /** The member's stored Discord locale: the DM's language when shipped, else the cohort's (MemberRecord.locale). */
  readonly memberLocale: string | null;
  /** The member day whose items are listed: the one the reminder is for (before 04:00, the day before its date). */
  readonly localDate: string;
  /** End of that day, when the on-time bonus runs out. */
  readonly dueBy: Date;
  /** The reminder's time (its day's, in the member's zone): with the cohort, what marks this DM among the member's. */
  readonly remindAt: Date;
  readonly items: readonly StoredPlanItem[];
  /** Unfinished items of earlier days. */
  readonly overdueCount: number;
  /** The path has time estimates (readings); without (topics): `CohortContext.hasEstimates`. */
  readonly timed: boolean;
}

/** How far ahead `/remind` looks for the next day with reading (a 520-week course is 3,640 days). */
const nextReminderHorizonDays = 4_000;

/** How stale the list of members to tell about switched-off reminders may get. */
const pendingNoticesRefreshMs = 30_000;

function noticeKey(guildId: string, userId: string): string {
  return `${guildId}|${userId}`;
}

/** Daily reminder DMs: what to remind a member of, and telling them when reminders were switched off. */
export class ReminderService {
  private pendingCache: { loadedAt: number; keys: Set<string> } | null = null;

  constructor(
    private readonly memberPlans: MemberPlanService,
    private readonly completions: CompletionRepository,
    private readonly reminders: ReminderRepository,
    private readonly cohorts: CohortService,
  ) {}

  /** `/remind`: the setting (refused once the member's own course is over), with the next reminder that can come. */
  async setting(request: ReminderRequest): Promise<ReminderSettingView> {
    const membership = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    // The member's plan is built once: whether their course is over, then their next reminder.
    const planning = await this.memberPlans.planFor(membership.cohort, membership.member, request.now);
    const calendar = breakCalendarOf(membership.cohort, planning.context);
    const view = await this.cohorts.reminder(request, membership, planning.planOver, calendar);
    // A newly chosen zone (or a cohort zone moved meanwhile) moves the member's day: their plan is read again then.
    return this.withNextReminder(view, request.now, planning.zone === view.timeZone ? planning : undefined);
  }

  /**
   * The member's own last study day is behind them at `now` (MemberPlanning.planOver): no reminder of theirs
   * is due, nor recorded. An admin's end is not asked here: an ended cohort sends no reminder at all.
   */
  async ownCourseOver(cohort: Cohort, member: MemberRecord, now: Date): Promise<boolean> {
    return (await this.memberPlans.planFor(cohort, member, now)).planOver;
  }

  /**
   * The reminder a member gets at `now` for member day `day` (reminderDayOf), due at `remindAt`: that day's
   * unfinished items in the member's own plan. Null on a day
   * without reading (not a study day, a cohort break week or the member's
   * `/break`, after their course) or when everything of that day is done: no
   * reminder is sent then.
   */
  async reminderView(cohort: Cohort, member: MemberRecord, now: Date, day: string, remindAt: Date): Promise<ReminderView | null> {
    const { context, plan, zone } = await this.memberPlans.planFor(cohort, member, now);
    // A day before the one a move west holds the member on is over for them (memberToday): no reminder lists it.
    if (day < memberToday(now, zone, member.dayNotBefore)) return null;
    if (!isMemberStudyDay(plan, day) || memberCourseHasEnded(plan, day)) return null;
    const done = new Set((await this.completions.listForMember(member.id)).map((row) => row.itemId));
    const status = memberDayStatus(plan, done, day);
    const items = status.dueToday
      .filter((entry) => !entry.done)
      .flatMap((entry) => (context.itemsById.has(entry.item.id) ? [storedPlanItem(context, entry.item)] : []));
    if (items.length === 0) return null;
    return {
      cohort,
      memberLocale: member.locale,
      localDate: day,
      dueBy: memberDayEnd(day, zone),
      remindAt,
      items,
      overdueCount: status.overdue.length,
      timed: context.hasEstimates,
    };
  }

  /**
   * `/remind`'s setting with the next reminder that can come: the member's time on the next day with
   * reading in their own plan (not a weekend, a day off or a break week, nor a day whose reminder was
   * already sent or skipped). Null when no day with reading is left. Whether it is sent still depends on
   * that day's reading being unfinished then.
   */
  async withNextReminder(view: ReminderSettingView, now: Date, planning?: MemberPlanning): Promise<ReminderSettingView> {
    const { cohort, member, time } = view;
    if (view.nextAt === null || time === null) return view;
    const { plan, zone } = planning ?? (await this.memberPlans.planFor(cohort, member, now));
    const today = localDateOf(now, zone);
    const memberDay = memberToday(now, zone, member.dayNotBefore);
    const settled = new Set((await this.reminders.deliveriesFor([member.id], [today])).map((delivery) => delivery.localDate));
    for (let offset = 0; offset <= nextReminderHorizonDays; offset += 1) {
      // The scheduler's reminder of calendar date `date` lists the member day it is for (before 04:00 the day
      // before), and is not sent when that day is over at its time (clocks jumping over 04:00).
      const date = addDays(today, offset);
      const at = zonedInstant(date, time, zone);
      if (at.getTime() <= now.getTime() || settled.has(date)) continue;
      const day = reminderDayOf(date, time);
      // memberToday: a day before the one a move west holds the member on has no reminder.
      if (memberDateOf(at, zone) !== day || day < memberDay) continue;
      if (memberCourseHasEnded(plan, day)) break;
      if (isMemberStudyDay(plan, day) && (plan.itemsByDueDate.get(day)?.length ?? 0) > 0) return { ...view, nextAt: at };
    }
    return { ...view, nextAt: null };
  }

  /**
   * What to tell (once) this user in this guild about their refused reminder DMs: switched off after refusals
   * in a row, or a first refusal (still on); null when nothing. Asked after every command, so it answers from
   * a list of pending notices read at most every 30 seconds (other processes' refusals show up within that),
   * and touches the database only for someone on it.
   */
  async takeReminderNotice(guildId: string, userId: string): Promise<ReminderNotice | null> {
    const pending = await this.pendingNotices();
    const key = noticeKey(guildId, userId);
    if (!pending.has(key)) return null;
    pending.delete(key);
    return this.reminders.takeReminderNotice(guildId, userId);
  }

  /** The scheduler of this process left someone a notice about refused reminders: tell them at their next command. */
  noteReminderNotice(guildId: string, userId: string): void {
    this.pendingCache?.keys.add(noticeKey(guildId, userId));
  }

  private async pendingNotices(): Promise<Set<string>> {
    // A cache timer, not domain time: real elapsed time is what matters here.
    const now = Date.now();
    if (this.pendingCache === null || now - this.pendingCache.loadedAt > pendingNoticesRefreshMs) {
      const rows = await this.reminders.pendingNotices();
      this.pendingCache = { loadedAt: now, keys: new Set(rows.map((row) => noticeKey(row.guildId, row.userId))) };
    }
    return this.pendingCache.keys;
  }
}
