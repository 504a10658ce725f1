import type { Cohort, MemberRecord } from "../domain/cohort/cohortModel.js";
import { CohortStatus } from "../domain/cohort/cohortModel.js";
import { CATCH_UP_DAYS } from "../domain/schedule/catchUpSpread.js";
import { courseEndDate, ownCourseEndDate, wasEndedEarly } from "../domain/schedule/cohortBreaks.js";
import { memberDateOf, memberDayStart, memberOptionalFrom, memberTimeZone, memberToday } from "../domain/schedule/memberDay.js";
import { addDays, LocalDateProblem, localDateProblem } from "../domain/schedule/localTime.js";
import {
  BreakBookingProblem,
  canExtend,
  checkPersonalBreak,
  daysOffUntil,
  hasCatchUpSinceJoin,
  hasPaceChanges,
  MAX_EXTEND_WEEKS,
  MAX_PERSONAL_BREAK_DAYS,
  MAX_PLANNED_BREAKS,
  MemberAdjustmentKind,
  movedCatchUp,
  PaceChangeProblem,
  PersonalBreakProblem,
  type CatchUpOutline,
  type MemberPlan,
  type MemberPlanInput,
  type PersonalBreak,
} from "../domain/schedule/memberPlan.js";
import { catchUpDueDays, type CatchUpDue } from "../domain/schedule/requiredItemsDue.js";
import { catchUpBacklog, memberDayStatus, memberPace, tally, type ItemTally, type MemberPace } from "../domain/schedule/memberStatus.js";
import {
  forgivingStreak,
  streakWithFrozenDays,
  type StreakInput,
  type StreakView,
  type StreakWithFrozenDays,
} from "../domain/scoring/forgivingStreak.js";
import type { CompletionRecord, CompletionRepository } from "../db/repositories/CompletionRepository.js";
import type { MemberPlanRepository, StoredMemberPlanState, StoredPersonalBreak } from "../db/repositories/MemberPlanRepository.js";
import { UserError } from "../errors.js";
import type { Logger } from "../logging/createLogger.js";
import type { CohortService } from "./CohortService.js";
import { ClosedWordings } from "./closedCohortError.js";
import { breakCalendarOf } from "./CourseEndService.js";
import type { CohortContext, PlanService } from "./PlanService.js";
import type { MemberRequest } from "./StudyService.js";
import { MemberPlanMemo } from "./MemberPlanMemo.js";
import { stillMember } from "./stillMember.js";

/** A member's plan at one moment: everything `/today`, `/pace`, `/done`, reminders and scoring read. */
export interface MemberPlanning {
  readonly context: CohortContext;
  readonly plan: MemberPlan;
  /** The member's zone: their `/remind` zone, else the cohort's. */
  readonly zone: string;
  /** The member day at `now` (04:00 rollover; `memberToday`: never before the member's `dayNotBefore`). */
  readonly today: string;
  /** Member.dayNotBefore: the streak's today keeps to it too. */
  readonly dayNotBefore: string | null;
  readonly breaks: readonly StoredPersonalBreak[];
  /**
   * When the member's study days stop: the end of the course's last day in their day, or the moment an
   * admin ended the cohort if that came first. Their streak, progress grid and days off stand as they were then.
   */
  readonly daysEndAt: Date;
  /**
   * `daysEndAt` has passed: the one rule for "this member's course is over". Nothing they do changes their
   * streak or grid any more, no reminder or nudge reaches them. A member who finishes late (`/pace extend`)
   * reads on after the cohort's closing post, until their own last study day.
   */
  readonly daysOver: boolean;
  /** Their own last study day is behind them (an admin's end aside): `/today` shows their course summary. */
  readonly planOver: boolean;
  /** The member day those stand at: `today`, or once `daysEndAt` has passed, its day. */
  readonly standingDay: string;
}

/** Tries of a catch-up whose plan changed under it (refusePaceChange) before it gives up. */
const MAX_CATCH_UP_ATTEMPTS = 3;

export const PaceMode = { CatchUp: "catch_up", Extend: "extend", Reset: "reset" } as const;
export type PaceMode = (typeof PaceMode)[keyof typeof PaceMode];

/** `/pace` without a mode. */
export interface PaceView {
  readonly cohort: Cohort;
  readonly pace: MemberPace;
  /** What `catch_up` would re-plan: everything due before today and not done. */
  readonly backlog: ItemTally;
  /** Of the backlog, items due before a late join (never overdue). */
  readonly preJoinBacklog: ItemTally;
  /** The join they date from is a return after `/leave` (`returnedAt`): "from before you came back", as `/today` says. */
  readonly backlogBeforeReturn: boolean;
  /** Of the backlog, Optional items due before they were turned on mid-course (`optionalFrom`), not before the join. */
  readonly optionalBacklog: ItemTally;
  /** The cohort-local day Optional items were turned on mid-course; null: from the start. */
  readonly optionalFrom: string | null;
  /** An admin ended the cohort before its planned last day (`endedEarlyOn`); an end on it reads as finished. */
  readonly endedEarly: boolean;
  readonly extraWeeks: number;
  readonly maxExtraWeeks: number;
  readonly canExtend: boolean;
  /**
   * `reset` may be used: only with an extension or a catch-up to clear (`hasPaceChanges`), and not once the cohort's
   * calendar is over (`cohortCalendarOver`), which it would go back to.
   */
  readonly canReset: boolean;
  /** The study days *Catch up* spreads over: the `days` asked for, else the default. */
  readonly catchUpDays: number;
  /** The cohort's course is over: nothing can be planned any more (`/today` shows the summary). */
  readonly courseOver: boolean;
}

/** `/pace mode:…`, its buttons and the late joiner's *Catch up*. */
export interface PaceChangeView {
  readonly cohort: Cohort;
  readonly mode: PaceMode;
  /** catch_up: the items re-planned and the study days asked for. */
  readonly moved: ItemTally;
  readonly days: number;
  /** catch_up: the member day of the last re-planned item. */
  readonly catchUpUntil: string | null;
  /**
   * catch_up: where the catch-up lies; extend: where the catch-up in force lies when the extension moved it (a day
   * it filled up to the cap took more own reading); else null.
   */
  readonly catchUp: CatchUpView | null;
  /**
   * extend: what is still overdue in the extended plan (due before today, not done, not pre-join backlog): the
   * extension moves the calendar a week, so reading due more than a week ago stays due before today. Else null.
   */
  readonly stillOverdue: ItemTally | null;
  readonly extraWeeks: number;
  readonly maxExtraWeeks: number;
}

/** A catch-up's days (`MemberPlan.lastCatchUp`) and the most minutes a day may carry (`MemberPlan.catchUpCap`). */
export interface CatchUpView extends CatchUpOutline {
  readonly cap: number;
}

/** `CalledOff`: `off:True` met only breaks not yet begun (dropped whole); `Ended`: at least one under way ends yesterday. */
export const BreakChange = { Added: "added", Ended: "ended", CalledOff: "called_off", NothingToEnd: "nothing_to_end" } as const;
export type BreakChange = (typeof BreakChange)[keyof typeof BreakChange];

export interface BreakView {
  readonly cohort: Cohort;
  readonly change: BreakChange;
  /** The dates asked for; for `CalledOff`, the first and last day off called off. */
  readonly from: string;
  readonly to: string;
  /**
   * `Ended` on a day that is still a day off (a cohort break week, and any days off right after it): the last of
   * them and the day reminders and streak days are back; `ownDaysOff` when the member's own days off (not ended)
   * are among them. Absent: today is no day off any more.
   */
  readonly daysOffGoOn?: { readonly until: string; readonly backOn: string; readonly ownDaysOff: boolean };
}

/** A caught-up member's catch-up dates and the stored state (as a key) they were built from. */
interface CatchUpEntry {
  readonly key: string;
  readonly dues: readonly CatchUpDue[];
  /** The exclusive end of their own plan (`MemberPlan.endDate`): a catch-up may run past their calendar's last week. */
  readonly endDate: string;
}

/** A caught-up member's catch-up dates and the exclusive end of their own plan (`MemberPlan.endDate`). */
export interface CaughtUpPlan {
  readonly dues: readonly CatchUpDue[];
  readonly endDate: string;
}

export const LateJoinChoice = { FromThisWeek: "from_this_week", CatchUp: "catch_up" } as const;
export type LateJoinChoice = (typeof LateJoinChoice)[keyof typeof LateJoinChoice];

/** *Start from this week* clicked: it changes nothing; `alreadyCaughtUp` when a catch-up is in force (the backlog is spread already). */
export interface LateJoinStartView {
  readonly cohort: Cohort;
  readonly alreadyCaughtUp: boolean;
  /** `reset` may be used (as `PaceView.canReset`): only then is it offered as the way back to the backlog. */
  readonly canReset: boolean;
}

/**
 * A member's own plan: the cohort's plan plus their adjustments and days off
 * (`buildMemberPlan`), built in one place (`planFor`) for every caller, and
 * the commands that change it: `/pace`, `/break` and the late joiner's choice.
 */
export class MemberPlanService {
  /** Built plans by their inputs: most members of a cohort read the very same plan. */
  private readonly memberPlans = new MemberPlanMemo();
  /**
   * `caughtUpPlans` per cohort plan (dropped with it), then per cohort id: member
   * id → the state it was built from and its dates. Why per cohort too: cohorts
   * with the same settings share one plan, and each cohort's call forgets the
   * members it does not have.
   */
  private readonly catchUpCache = new WeakMap<object, Map<number, Map<number, CatchUpEntry>>>();

  constructor(
    private readonly cohorts: CohortService,
    private readonly plans: PlanService,
    private readonly planState: MemberPlanRepository,
    private readonly completions: CompletionRepository,
    private readonly logger: Logger,
  ) {}

  /**
   * The member's plan at `now`. With `caughtUpPlans`, the only place a member plan is built. `storedState`:
   * the member's plan state when read already (with the membership, MemberDayRepository), else read here.
   */
  async planFor(cohort: Cohort, member: MemberRecord, now: Date, storedState?: StoredMemberPlanState): Promise<MemberPlanning> {
    const context = await this.plans.contextFor(cohort);
    const state = storedState ?? (await this.planState.load(member.id));
    const zone = memberTimeZone(member.remindTimeZone, cohort.settings.timeZone);
    const plan = await this.memberPlans.planOf(memberPlanInput(cohort, context, member.joinedOn, state, zone), (input) =>
      this.plans.memberPlan(context, input),
    );
    const today = memberToday(now, zone, member.dayNotBefore);
    const planEndAt = planEndOf(cohort, context, plan, zone);
    // An admin's end comes first when earlier: over for everyone at that moment.
    const daysEndAt = cohort.endedAt !== null && cohort.endedAt.getTime() < planEndAt.getTime() ? cohort.endedAt : planEndAt;
    const daysOver = daysEndAt.getTime() <= now.getTime();
    const planOver = planEndAt.getTime() <= now.getTime();
    const standingDay = daysOver ? memberDateOf(daysEndAt, zone) : today;
    return {
      context,
      plan,
      zone,
      today,
      dayNotBefore: member.dayNotBefore,
      breaks: state.breaks,
      daysEndAt,
      daysOver,
      planOver,
      standingDay,
    };
  }

  /**
   * The catch-up dates of Required items of every active member who caught
   * up, and the exclusive end of their own plan (a catch-up may run past their
   * calendar's last week): member id → their days (`catchUpDueDays`) and end.
   * The roster derives every other due date and end in SQL. Those plans depend on the stored state and the
   * cohort's plan only (not on the day or on completions), so each is kept
   * per cohort plan until that member's state changes: a roster page rebuilds
   * only the plans that changed since the last one.
   */
  async caughtUpPlans(cohort: Cohort, context: CohortContext): Promise<Map<number, CaughtUpPlan>> {
    const states = await this.planState.loadCaughtUp(cohort.id);
    const known = this.catchUpEntries(context.plan, cohort.id);
    const dues = new Map<number, CaughtUpPlan>();
    for (const [memberId, state] of states) {
      const key = JSON.stringify([state.adjustments, state.breaks.map((entry) => [entry.from, entry.to, entry.bookedAfter])]);
      let entry = known.get(memberId);
      if (entry?.key !== key) {
        // In the cohort's zone: only Required items' dates are read here, and `optionalFrom` moves only Optional ones.
        const plan = await this.plans.memberPlan(
          context,
          memberPlanInput(cohort, context, state.joinedOn, state, cohort.settings.timeZone),
        );
        entry = { key, dues: catchUpDueDays(plan), endDate: plan.endDate };
        known.set(memberId, entry);
        // Built inline (a small cohort) or assembled from the worker's record (a few milliseconds for the largest): other servers' work goes between two.
        await new Promise((resolve) => setImmediate(resolve));
      }
      dues.set(memberId, entry);
    }
    // Members who left or reset since: their entries go.
    for (const memberId of known.keys()) if (!states.has(memberId)) known.delete(memberId);
    return dues;
  }

  private catchUpEntries(plan: object, cohortId: number): Map<number, CatchUpEntry> {
    let byCohort = this.catchUpCache.get(plan);
    if (byCohort === undefined) {
      byCohort = new Map();
      this.catchUpCache.set(plan, byCohort);
    }
    let entries = byCohort.get(cohortId);
    if (entries === undefined) {
      entries = new Map();
      byCohort.set(cohortId, entries);
    }
    return entries;
  }

  /** Streak, freezes and deadlines of a member from their completions. */
  streakOf(planning: MemberPlanning, completions: readonly Pick<CompletionRecord, "completedAt" | "day">[], now: Date): StreakView {
    return forgivingStreak(streakInputOf(planning, completions, now));
  }

  /** `streakOf`, the study days a streak freeze was spent on and the day the streak stands on, from one replay. */
  streakWithFrozenDaysOf(
    planning: MemberPlanning,
    completions: readonly Pick<CompletionRecord, "completedAt" | "day">[],
    now: Date,
  ): StreakWithFrozenDays {
    return streakWithFrozenDays(streakInputOf(planning, completions, now));
  }

  /** `/pace` without a mode; `days` (when given) is what its *Catch up* button will spread over. */
  async pace(request: MemberRequest & { readonly days?: number | null }): Promise<PaceView> {
    const catchUpDays = checkedCatchUpDays(request.days ?? null);
    const { cohort, member } = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    const planning = await this.planFor(cohort, member, request.now);
    const done = await this.doneSet(member.id);
    const backlogIds = new Set(catchUpBacklog(planning.plan, done, planning.today));
    const backlog = planning.plan.items.filter((entry) => backlogIds.has(entry.item.id));
    return {
      cohort,
      pace: memberPace(planning.plan, done, planning.today),
      backlog: tally(backlog),
      preJoinBacklog: tally(backlog.filter((entry) => entry.preJoin && !entry.addedLate)),
      backlogBeforeReturn: member.returnedAt !== null,
      optionalBacklog: tally(backlog.filter((entry) => entry.addedLate)),
      optionalFrom: memberOptionalFrom(cohort.optionalFrom, planning.zone),
      endedEarly: wasEndedEarly(cohort.endedAt, breakCalendarOf(cohort, planning.context)),
      extraWeeks: planning.plan.extraWeeks,
      maxExtraWeeks: MAX_EXTEND_WEEKS,
      canExtend: canExtend(planning.plan),
      canReset: hasPaceChanges(planning.plan) && !cohortCalendarOver(cohort, planning, request.now),
      catchUpDays,
      // The member's own end, as /today's: one who finishes late plans on after the closing post.
      courseOver: planning.daysOver,
    };
  }

  /** `/pace mode:…` (and its buttons, where `cohort` is the cohort's id). */
  async changePace(request: MemberRequest & { readonly mode: PaceMode; readonly days: number | null }): Promise<PaceChangeView> {
    const { cohort, member } = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    if (cohort.status === CohortStatus.Ended) throw await this.cohorts.closedError(cohort, ClosedWordings.pace);
    const days = checkedCatchUpDays(request.days);
    const state = await this.planState.load(member.id);
    const planning = await this.planFor(cohort, member, request.now, state);
    // After the member's own last day /today shows the summary: a plan made now would promise days nobody is shown.
    if (planning.daysOver) throw new UserError("pace.courseOver", { name: cohort.name });
    const base = { cohort, mode: request.mode, days, maxExtraWeeks: MAX_EXTEND_WEEKS };
    if (request.mode === PaceMode.CatchUp)
      return { ...base, stillOverdue: null, ...(await this.catchUp(cohort, member, state, planning, days, request.now)) };
    const calendarOver = cohortCalendarOver(cohort, planning, request.now);
    // The limit's advice to reset only while a reset is allowed.
    const extendLimit = () => new UserError("pace.extendLimit", { max: MAX_EXTEND_WEEKS, reset: calendarOver ? "no" : "yes" });
    if (request.mode === PaceMode.Extend && !canExtend(planning.plan)) throw extendLimit();
    // A member still reading in their own weeks after the cohort's last day: its calendar would end their course now, for good.
    if (request.mode === PaceMode.Reset && calendarOver) throw new UserError("pace.resetAfterCourse", { name: cohort.name });
    // Nothing to clear: "back on the cohort's calendar" would tell of a change that did not happen.
    if (request.mode === PaceMode.Reset && !hasPaceChanges(planning.plan)) throw new UserError("pace.nothingToReset");
    if (request.mode === PaceMode.Reset) await this.planState.clearAdjustments(member.id);
    // Checked again on the adjustments read in the transaction that stores it: extends sent at once stop at the limit.
    else if (
      (await stillMember(cohort.name, this.planState.addAdjustment(member.id, { kind: request.mode }, state.adjustments))) ===
      PaceChangeProblem.ExtendLimit
    )
      throw extendLimit();
    this.logger.info({ cohortId: cohort.id, memberId: member.id, mode: request.mode }, "pace changed");
    const after = await this.planFor(cohort, member, request.now);
    // Told only when the extension moved its last day: the member was told of it when they asked for it.
    const moved = movedCatchUp(planning.plan.lastCatchUp, after.plan.lastCatchUp, after.today);
    // Read as /today reads it, so the reply's count is the one /today then lists.
    const stillOverdue =
      request.mode === PaceMode.Extend ? tally(memberDayStatus(after.plan, await this.doneSet(member.id), after.today).overdue) : null;
    return {
      ...base,
      moved: tally([]),
      catchUpUntil: null,
      catchUp: moved === null ? null : { ...moved, cap: after.plan.catchUpCap },
      stillOverdue,
      extraWeeks: after.plan.extraWeeks,
    };
  }

  private async catchUp(
    cohort: Cohort,
    member: MemberRecord,
    state: StoredMemberPlanState,
    planning: MemberPlanning,
    days: number,
    now: Date,
  ): Promise<Pick<PaceChangeView, "moved" | "catchUpUntil" | "catchUp" | "extraWeeks">> {
    let read = { state, planning };
    let itemIds: number[] = [];
    // The backlog is read from the plan and stored only if the member's pace changes are still those it was built on
    // (checked under their lock): a catch-up sent twice at once re-reads the plan the first made, and finds nothing
    // left to catch up. Each retry follows another pace change that committed, so a few are plenty.
    for (let attempt = 1; ; attempt += 1) {
      const done = await this.doneSet(member.id);
      itemIds = catchUpBacklog(read.planning.plan, done, read.planning.today);
      if (itemIds.length === 0) throw new UserError("pace.nothingToCatchUp");
      const adjustment = { kind: MemberAdjustmentKind.CatchUp, appliedOn: read.planning.today, days, itemIds } as const;
      const refused = await stillMember(cohort.name, this.planState.addAdjustment(member.id, adjustment, read.state.adjustments));
      if (refused === null) break;
      if (attempt === MAX_CATCH_UP_ATTEMPTS) throw new UserError("pace.changedMeanwhile");
      const reloaded = await this.planState.load(member.id);
      read = { state: reloaded, planning: await this.planFor(cohort, member, now, reloaded) };
    }
    this.logger.info({ cohortId: cohort.id, memberId: member.id, items: itemIds.length, days }, "catch-up planned");
    const after = await this.planFor(cohort, member, now);
    // A "choose one" slot's tracks are stored with it: each entry once.
    const moved = [
      ...new Set(
        itemIds.flatMap((id) => {
          const entry = after.plan.itemById.get(id);
          return entry === undefined ? [] : [entry];
        }),
      ),
    ];
    const catchUpUntil = moved.reduce<string | null>(
      (latest, entry) => (latest === null || entry.dueDate > latest ? entry.dueDate : latest),
      null,
    );
    return {
      moved: tally(moved),
      catchUpUntil,
      // Asked for 2 days, planned over 5 weeks: the reply says why (the cap), not only until when.
      catchUp: after.plan.lastCatchUp === null ? null : { ...after.plan.lastCatchUp, cap: after.plan.catchUpCap },
      extraWeeks: after.plan.extraWeeks,
    };
  }

  /** `/break from to` (days off), or with `off` the end of the breaks it overlaps. */
  async personalBreak(request: MemberRequest & { readonly from: string; readonly to: string; readonly off: boolean }): Promise<BreakView> {
    const { cohort, member } = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    // Both ways: an ended cohort sends no reminders and keeps no streak, so `off:True` would promise them back for nothing.
    if (cohort.status === CohortStatus.Ended) throw await this.cohorts.closedError(cohort, ClosedWordings.personalBreak);
    const from = request.from.trim();
    const to = request.to.trim();
    const problem = checkPersonalBreak(from, to);
    // Name the date that is wrong: "2027-02-30", not the pair it came in.
    if (problem === PersonalBreakProblem.NotADate) {
      const wrong = localDateProblem(from) === null ? to : from;
      throw new UserError("break.notADate", { value: wrong.slice(0, 40), reason: localDateProblem(wrong) ?? LocalDateProblem.Format });
    }
    if (problem === PersonalBreakProblem.EndsBeforeStart) throw new UserError("break.endsBeforeStart");
    if (problem === PersonalBreakProblem.TooLong) throw new UserError("break.tooLong", { max: MAX_PERSONAL_BREAK_DAYS });
    const planning = await this.planFor(cohort, member, request.now);
    if (request.off) return { cohort, ...(await this.endBreaks(member, planning, { from, to })) };
    if (planning.daysOver) throw new UserError("pace.courseOver", { name: cohort.name });
    // Days off are planned ahead: a break that began in the past would rewrite a streak already lost.
    if (from < planning.today) throw new UserError("break.startsInThePast");
    // Checked on the breaks read in the transaction that books: sent twice at once, the second sees the first.
    const { refused } = await stillMember(cohort.name, this.planState.addBreak(member.id, { from, to }, planning.today));
    if (refused?.problem === BreakBookingProblem.TooMany) throw new UserError("break.tooMany", { max: MAX_PLANNED_BREAKS });
    // Overlapping days off would be ended together by one `off:True`: one break per day, named when refused.
    if (refused?.problem === BreakBookingProblem.Overlaps)
      throw new UserError("break.overlaps", {
        fromDate: { localDate: refused.overlapping.from },
        toDate: { localDate: refused.overlapping.to },
      });
    this.logger.info({ cohortId: cohort.id, memberId: member.id, from, to }, "personal break added");
    return { cohort, from, to, change: BreakChange.Added };
  }

  private async endBreaks(
    member: MemberRecord,
    planning: MemberPlanning,
    range: PersonalBreak,
  ): Promise<Pick<BreakView, "change" | "from" | "to" | "daysOffGoOn">> {
    // Read and ended in one locked transaction: an `off:True` sent twice at once ends the breaks once.
    const touched = await this.planState.endBreaks(member.id, range, planning.today);
    if (touched.length === 0) return { change: BreakChange.NothingToEnd, ...range };
    this.logger.info({ memberId: member.id, ended: touched.length }, "personal break ended");
    // Only breaks still to come: nothing "is over", those days are study days again.
    if (touched.every((entry) => entry.from > planning.today)) {
      const from = touched.reduce((first, entry) => (entry.from < first ? entry.from : first), range.to);
      const to = touched.reduce((last, entry) => (entry.to > last ? entry.to : last), range.from);
      return { change: BreakChange.CalledOff, from, to };
    }
    // The member's own break is over, but a cohort break week may go on from today: "from today" would promise too much.
    const untouched = planning.breaks.filter((entry) => !touched.some((ended) => ended.from === entry.from && ended.to === entry.to));
    const until = daysOffUntil({ ...planning.plan, personalBreaks: untouched }, planning.today);
    if (until === null) return { change: BreakChange.Ended, ...range };
    const ownDaysOff = untouched.some((entry) => entry.from <= until && entry.to >= planning.today);
    return { change: BreakChange.Ended, ...range, daysOffGoOn: { until, backOn: addDays(until, 1), ownDaysOff } };
  }

  /** The late joiner's buttons: *Start from this week* stores nothing (it is the default); *Catch up* spreads the backlog. */
  async lateJoinChoice(request: MemberRequest & { readonly choice: string }): Promise<PaceChangeView | LateJoinStartView> {
    if (request.choice === LateJoinChoice.CatchUp) return this.changePace({ ...request, mode: PaceMode.CatchUp, days: null });
    if (request.choice !== LateJoinChoice.FromThisWeek) throw new UserError("generic.unknownButton");
    const { cohort, member } = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    // Refused as *Catch up* is: after the end there is no week to start from, nor a backlog `/pace` would show.
    if (cohort.status === CohortStatus.Ended) throw await this.cohorts.closedError(cohort, ClosedWordings.pace);
    // The welcome's buttons stay clickable after a `/pace mode:catch_up`: say what holds, not "your backlog stays".
    const planning = await this.planFor(cohort, member, request.now);
    if (planning.daysOver) throw new UserError("pace.courseOver", { name: cohort.name });
    return {
      cohort,
      // A catch-up made before a return left its items in the backlog: only one still ahead of the join counts.
      alreadyCaughtUp: hasCatchUpSinceJoin(planning.plan),
      canReset: !cohortCalendarOver(cohort, planning, request.now),
    };
  }

  private async doneSet(memberId: number): Promise<Set<number>> {
    return new Set((await this.completions.listForMember(memberId)).map((row) => row.itemId));
  }
}

/**
 * When a member's own plan ends (`MemberPlanning.planOver`; `daysEndAt` unless `/cohort end` came first): the
 * start of the member day after the last one of the course, or of their own plan when it runs later (`/pace
 * extend`: they read on in those weeks), so that day counts in full.
 */
function planEndOf(cohort: Cohort, context: CohortContext, plan: MemberPlan, zone: string): Date {
  return memberDayStart(ownCourseEndDate(courseEndDate(breakCalendarOf(cohort, context)), plan.endDate), zone);
}

/**
 * The cohort's own calendar is over on the member's day (they may read on in their own weeks: `planOver` is later):
 * going back to it (`reset`) would end their course at once, and nothing could plan it again.
 */
function cohortCalendarOver(cohort: Cohort, planning: Pick<MemberPlanning, "context" | "zone">, now: Date): boolean {
  return memberDayStart(courseEndDate(breakCalendarOf(cohort, planning.context)), planning.zone).getTime() <= now.getTime();
}

/** `/pace days:` (null: the default), refused outside 2–20. */
function checkedCatchUpDays(days: number | null): number {
  const value = days ?? CATCH_UP_DAYS.default;
  if (!Number.isInteger(value) || value < CATCH_UP_DAYS.min || value > CATCH_UP_DAYS.max)
    throw new UserError("pace.invalidDays", { min: CATCH_UP_DAYS.min, max: CATCH_UP_DAYS.max });
  return value;
}

/** Whether a late-join answer is the *Catch up* one (the Discord layer words the two differently). */
export function isPaceChange(view: PaceChangeView | LateJoinStartView): view is PaceChangeView {
  return "mode" in view;
}

/** The member's plan from their stored state: `planFor` and `caughtUpPlans` build every member plan through this. */
/** What a member's plan is built from: one place for `planFor` and the roster's catch-up dates. */
function memberPlanInput(
  cohort: Cohort,
  context: CohortContext,
  joinedOn: string | null,
  state: StoredMemberPlanState,
  zone: string,
): MemberPlanInput {
  return {
    // Only while Optional items are assigned: a plan without them has none to hold back. The member's day of the switch.
    optionalFrom: cohort.settings.includeOptional ? memberOptionalFrom(cohort.optionalFrom, zone) : null,
    basePlan: context.basePlan,
    breakWeeks: context.breakWeeks,
    // Null: on the cohort's plan from its first day (no pre-join backlog).
    joinedOn: joinedOn ?? context.plan.startDate,
    adjustments: state.adjustments,
    // Without ids: the plan reads dates and booking order only, and equal breaks then share a plan.
    personalBreaks: state.breaks.map(({ from, to, bookedAfter }) => (bookedAfter === undefined ? { from, to } : { from, to, bookedAfter })),
  };
}

/** The streak's input from a member's plan and completions. */
function streakInputOf(
  planning: MemberPlanning,
  completions: readonly Pick<CompletionRecord, "completedAt" | "day">[],
  now: Date,
): StreakInput {
  return {
    // The rows as they are: a completion's stored `day` is the streak's member day (no copy per row).
    completions,
    timeZone: planning.zone,
    studyDays: planning.plan.studyDays,
    daysOff: planning.plan.daysOff,
    firstDay: planning.plan.startDate,
    now,
    dayNotBefore: planning.dayNotBefore,
    until: planning.daysEndAt,
  };
}
