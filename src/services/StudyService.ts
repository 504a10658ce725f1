import type { Cohort, MemberRecord } from "../domain/cohort/cohortModel.js";
import { echoedValue } from "../domain/text/characters.js";
import { stillMember } from "./stillMember.js";
import { cohortBoardClosed, cohortStandingMoment, CohortStatus } from "../domain/cohort/cohortModel.js";
import type { StoredItem, StoredSection } from "../domain/curriculum/storedCurriculum.js";
import { dayInfo, dayInfoOfDate, type DayInfo } from "../domain/schedule/dayInfo.js";
import { weekNumberOfDate } from "../domain/schedule/currentWeekNumber.js";
import { calendarWeekOfDate, courseEndInstant, resumption, wasEndedEarly } from "../domain/schedule/cohortBreaks.js";
import { isMemberDayOff, type MemberPlan, type MemberPlanItem } from "../domain/schedule/memberPlan.js";
import { extraPlanWeek, memberPlanWeek, memberTotalWeeks } from "../domain/schedule/memberPlanWeek.js";
import { isItemDone, memberEstimate, memberMinutes } from "../domain/schedule/choiceSlots.js";
import { memberDayStatus, memberWeekItems, nextReadingDay, overduePage, tally, type ItemTally } from "../domain/schedule/memberStatus.js";
import type { PlanWeek } from "../domain/schedule/scheduleTypes.js";
import { yesterdayTarget, type StreakView, type StreakWithFrozenDays } from "../domain/scoring/forgivingStreak.js";
import { memberCompletionPoints } from "../domain/scoring/memberCompletionPoints.js";
import { competitionRank, rankStandings } from "../domain/scoring/rankStandings.js";
import type {
  BoardAnchor,
  CompletionRecord,
  CompletionRepository,
  ScoreRow,
  Standing,
  StreakRow,
  UndatedCompletion,
} from "../db/repositories/CompletionRepository.js";
import type { MemberDayRepository } from "../db/repositories/MemberDayRepository.js";
import type { StoredMemberPlanState } from "../db/repositories/MemberPlanRepository.js";
import type { MemberRepository } from "../db/repositories/MemberRepository.js";
import {
  BoardVisibility,
  boardPresentation,
  CohortBoard,
  isBoardVisibility,
  isRanked,
  OwnRanking,
  ProgressRanking,
  ownRanking,
  ownRankingOf,
} from "../domain/privacy/boardPresentation.js";
import { studyDayGrid, type StudyGridWeek } from "../domain/scoring/studyDayGrid.js";
import { addDays, localDateOf, startOfLocalDay } from "../domain/schedule/localTime.js";
import { completionDateOf, memberDateOf, memberDayEnd, memberOptionalFrom, memberTimeZone } from "../domain/schedule/memberDay.js";
import { completionShare, completionsIn, minutesRead } from "../domain/scoring/completionShare.js";
import { UserError } from "../errors.js";
import type { Logger } from "../logging/createLogger.js";
import { foldForMatch, matcherFor, readForMatch, type MatchReading } from "../domain/search/matchScore.js";
import { cohortIdOption, maxChoices, type CohortService, type Membership } from "./CohortService.js";
import type { MemberPlanning, MemberPlanService } from "./MemberPlanService.js";
import { calendarSectionOf, storedPlanItem, type CohortContext, type PlanService, type StoredPlanItem } from "./PlanService.js";
import {
  pickIn,
  readsAs,
  shownDetailsIn,
  titleDetails,
  typedItemLookup,
  type ItemDetails,
  type WeekWordsOfLanguages,
} from "../domain/curriculum/typedItem.js";
import { cohortItemOfValue, isCohortItemShaped, type CohortItem } from "./itemOptionValue.js";
import {
  breakCalendarOf,
  courseIsOver,
  endedAfterWeekOf,
  type CourseEndService,
  type FinalBoard,
  type FinalNearLine,
} from "./CourseEndService.js";
import { ClosedWordings } from "./closedCohortError.js";
import type { MemberCourseSummary } from "../domain/cohort/courseSummary.js";
import { rowIdOf } from "../domain/rowId.js";

export interface MemberRequest {
  readonly guildId: string;
  readonly userId: string;
  /** The `cohort` option, or null when left out. */
  readonly cohort: string | null;
  readonly now: Date;
  /**
   * The caller's name on the server now, as their interaction carried it: written to their membership when it
   * differs from the stored one (a rename since they last used the bot), so the boards show it. Left out: kept.
   */
  readonly callerName?: string;
}

export interface ItemStatus {
  readonly item: StoredPlanItem;
  readonly assignedDate: string | null;
  readonly done: boolean;
}

export interface WeekProgress {
  readonly weekNumber: number;
  readonly done: number;
  readonly total: number;
  /** The path has time estimates (readings); without (topics): `CohortContext.hasEstimates`. */
  readonly timed: boolean;
}

/** Required slots done and in all; `timed`: the path has time estimates (readings), else it counts topics. */
export interface RequiredProgress {
  readonly done: number;
  readonly total: number;
  readonly timed: boolean;
}

export interface TodayView {
  readonly cohort: Cohort;
  /** The member day shown, in the cohort's calendar ("Week n · Day d"). */
  readonly day: DayInfo;
  /** The member day shown (member zone, 04:00 rollover). */
  readonly today: string;
  /** The member's zone; whether it is their own `/remind` zone rather than the cohort's. */
  readonly zone: string;
  readonly ownZone: boolean;
  /** A cohort break week or a personal break: no reading is expected. */
  readonly dayOff: boolean;
  /** The member's own weeks (`memberTotalWeeks`): the cohort's, and their extension's after its last. */
  readonly totalWeeks: number;
  readonly items: readonly ItemStatus[];
  /** The oldest overdue items (at most 5): listed, each with a Done button. */
  readonly overdue: readonly ItemStatus[];
  /** Every overdue item, listed or not. */
  readonly overdueTotal: ItemTally;
  /** The overdue items not listed ("…and N more"). */
  readonly overdueMore: ItemTally;
  /** Items due before a late join, not done: for `/pace`, never overdue. */
  readonly backlog: ItemTally;
  /** The late join was a return after `/leave`: the backlog is from before the member came back. */
  readonly backlogBeforeReturn: boolean;
  /** Optional items due before they were turned on mid-course (not before the join), not done: never overdue. */
  readonly optionalBacklog: ItemTally;
  /** The cohort-local day Optional items were turned on mid-course; null: from the start. */
  readonly optionalFrom: string | null;
  /** An admin ended the cohort before its planned last day (`endedEarlyOn`); an end on it reads as finished. */
  readonly endedEarly: boolean;
  readonly streak: StreakView;
  /** Minutes of today's items still to read. */
  readonly minutesLeft: number;
  readonly minutesTotal: number;
  readonly week: WeekProgress | null;
  readonly nextStudyDate: string | null;
  /** Once the course is over (its last week passed, breaks included): the member's summary, and nothing else to read. */
  readonly courseSummary: MemberCourseSummary | null;
  /**
   * The cohort's course is over by its own clock while the member's own days still run (a zone behind the cohort's,
   * or their own weeks after `/pace mode:extend`): reading logged now counts for no board, only in `/progress`.
   */
  readonly afterCourse: boolean;
  /**
   * The member's day runs past the cohort's course end, not come yet (a zone behind the cohort's, or the 04:00 rollover):
   * reading logged until then still counts in the final standings, after it only in `/progress`. Null otherwise.
   */
  readonly countsUntil: Date | null;
}

export interface CompletionView {
  readonly cohort: Cohort;
  readonly item: StoredItem;
  readonly alreadyDone: boolean;
  readonly points: number;
  readonly onTime: boolean;
  readonly totalPoints: number;
  readonly streak: StreakView;
  /** `when:yesterday`: the member day it was logged for; null for today. */
  readonly loggedFor: string | null;
  readonly required: RequiredProgress;
  /**
   * Logged after the cohort's course is over by its own clock (a member in a zone behind it, or reading on in their own
   * weeks): it counts for no board, neither a week's nor the course's final one, only in `/progress`.
   */
  readonly afterCourse: boolean;
}

/** `/done … when:` */
export const CompletionWhen = { Today: "today", Yesterday: "yesterday" } as const;
export type CompletionWhen = (typeof CompletionWhen)[keyof typeof CompletionWhen];

export interface UndoView {
  readonly cohort: Cohort;
  readonly item: StoredItem;
  readonly pointsRemoved: number;
  readonly totalPoints: number;
}

export interface WeekView {
  readonly cohort: Cohort;
  readonly week: PlanWeek;
  /** The member's own weeks (`memberTotalWeeks`): the cohort's, and their extension's after its last. */
  readonly totalWeeks: number;
  readonly isCurrent: boolean;
  /** The calendar week of the member's day: 0 before the start, totalWeeks + 1 after their end. */
  readonly currentWeek: number;
  readonly doneItemIds: ReadonlySet<number>;
  readonly references: readonly StoredItem[];
  /** A `/cohort break` week: the first day of the next week; null for a reading week. */
  readonly breakResumesOn: string | null;
  /** The zone of the member's days, which the week's dates are in: their `/remind` zone, else the cohort's. */
  readonly zone: string;
  /** Whether `zone` is the member's own, not the cohort's (as `/today` heads its date). */
  readonly ownZone: boolean;
  /** An admin ended the cohort before its first day: none of its weeks ran, none is "this week". */
  readonly endedBeforeStart: boolean;
}

export interface SectionProgress {
  readonly section: StoredSection;
  readonly done: number;
  readonly total: number;
  /**
   * The calendar weeks the member's own plan has the section's items due in: the section's weeks, unless
   * `/pace extend`, a catch-up or a break moved them.
   */
  readonly dueWeeks: WeekSpan;
}

/** Calendar weeks `first` to `last`, both included. */
export interface WeekSpan {
  readonly first: number;
  readonly last: number;
}

export interface ProgressView {
  readonly cohort: Cohort;
  readonly member: MemberRecord;
  /** Whether the reader looks at their own progress (`/progress member:` shows someone else's, in the third person). */
  readonly own: boolean;
  readonly required: RequiredProgress;
  readonly minutesDone: number;
  readonly minutesTotal: number;
  /** Assigned items done and in all: what a path without estimates (topics) counts instead of minutes. */
  readonly assigned: { readonly done: number; readonly total: number };
  readonly sections: readonly SectionProgress[];
  readonly streak: StreakView;
  readonly points: number;
  /**
   * Whether the member takes a place in the ranking (hidden: `rank` is the place they would take; excluded: no
   * rank); left: no rank, as they left the cohort while it still takes points (off the boards until they come back).
   */
  readonly ranking: ProgressRanking;
  /** Null without points, after leaving, or when excluded; never counted in `rankedMembers` unless ranked. */
  readonly rank: number | null;
  readonly rankedMembers: number;
  /** The last four cohort weeks, day by day (the progress card's grid). */
  readonly studyWeeks: readonly StudyGridWeek[];
  /**
   * The calendar week of the member's day (as the sections' weeks count, break weeks included): 0 before
   * the first, one past the member's last (their extension's included) after it; at the end for a member whose
   * days are over (cohort ended).
   */
  readonly currentWeek: number;
}

/** The weekly post's chart: one finished week of the cohort. */
export interface WeeklyChartData {
  readonly weekNumber: number;
  readonly startDate: string;
  /** Exclusive. */
  readonly endDate: string;
  /**
   * Whether the path gives its items time estimates. Without them (the 36-week path's topics) minutes
   * would all be 0: the chart counts the topics read instead, as `/progress` and the posts do.
   */
  readonly timed: boolean;
  /**
   * Minutes the cohort read, and how many completions it logged, on each study day of the week; `over`: false for a
   * day not over when the chart was drawn (a post made before the week ended), which counts nothing yet (0 and 0).
   */
  readonly days: readonly {
    readonly date: string;
    readonly weekday: number;
    readonly minutes: number;
    readonly completions: number;
    readonly over: boolean;
  }[];
  /**
   * Week 1's chart only: what the cohort read on member days before the course's first day (its post may go out
   * days earlier, and that reading counts on week 1's board and in `/progress`); null for other weeks or when none.
   */
  readonly beforeStart: { readonly minutes: number; readonly completions: number } | null;
  /**
   * Sections begun by the end of the week: how much of their assigned items the cohort completed by then (for its
   * member days, as the bars count them: Friday's reading logged on Monday morning for yesterday included), 0–100;
   * `weekStart`/`weekEnd`: the calendar weeks the section runs (break weeks counted), as `weekNumber`.
   */
  readonly sections: readonly { readonly title: string; readonly percent: number; readonly weekStart: number; readonly weekEnd: number }[];
}

/** The closing post's chart: completion of each week's reading, 0–100, in course order. */
export interface CourseChartData {
  /**
   * `breakWeek`: a `/cohort break` week, with no reading to complete; `nothingAssigned`: a reading week whose plan
   * assigns no item (the 36-week path spreads a phase's few topics over its weeks), with nothing to complete either.
   */
  readonly weeks: readonly {
    readonly weekNumber: number;
    readonly percent: number;
    readonly breakWeek: boolean;
    readonly nothingAssigned: boolean;
  }[];
}

/** Weeks of study days the progress card shows. */
const gridWeeks = 4;

/** One `item` autocomplete choice: the Discord layer words its label. */
export interface ItemSuggestion {
  readonly itemId: number;
  readonly title: string;
  readonly done: boolean;
  readonly weekStart: number;
  readonly weekEnd: number;
  /** The item's group in its section ("Practice"), to tell apart repeated titles of one section. */
  readonly group: string | null;
  /** Its due day in the member's own plan (null: not assigned to them, e.g. Reference), the last thing that tells repeats apart. */
  readonly dueDate: string | null;
  /** Its place among the curriculum's items of its title ("#2"), numbered as the "several items match" reply numbers them. */
  readonly ordinal: number;
  /**
   * Its cohort, when the items of several are offered (a member of several cohorts, `cohort` not filled in):
   * the choice names it, and its value names both (itemOptionValue); null for one cohort's items.
   */
  readonly cohort: { readonly id: number; readonly name: string } | null;
}

/** Earlier due days first; items without one (not assigned to the member) last. */
function byDueDate(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** The request with the cohort an `item` choice named (cohortItemOfValue) when `cohort` was left out. */
function withPickedCohort<Request extends MemberRequest>(request: Request, picked: CohortItem | null): Request {
  if (picked === null || (request.cohort !== null && request.cohort.trim() !== "")) return request;
  return { ...request, cohort: String(picked.cohortId) };
}

/** At most this many cohorts' items are offered (a plan is built for each, and for each over one passed, on every keystroke). */
const maxCohortsOffered = 5;
/** At most this many cohorts are tried for them (a member of many finished cohorts would otherwise cost a plan each per keystroke). */
const maxCohortsTried = 2 * maxCohortsOffered;

/**
 * The cohorts whose items `item` autocomplete may offer to a member of several before `cohort` is filled, in the order
 * tried: not ended ones (they take no completions), running ones first, then finished ones, most recently started
 * first. suggestItems offers the first maxCohortsOffered of them whose course is not over for the member.
 */
function cohortsToOffer(joined: readonly Membership[]): Membership[] {
  const running = (membership: Membership) => (membership.cohort.status === CohortStatus.Finished ? 1 : 0);
  return joined
    .filter(({ cohort }) => cohort.status !== CohortStatus.Ended)
    .sort(
      (a, b) =>
        running(a) - running(b) ||
        (a.cohort.settings.startDate < b.cohort.settings.startDate
          ? 1
          : a.cohort.settings.startDate > b.cohort.settings.startDate
            ? -1
            : 0),
    );
}

/** An `item` autocomplete candidate with what ranks it (suggestItems). */
interface ItemCandidate {
  readonly priority: number;
  readonly score: number;
  readonly position: number;
  readonly cohortOrder: number;
  readonly suggestion: ItemSuggestion;
}

export const LeaderboardPeriod = { Week: "week", All: "all" } as const;
export type LeaderboardPeriod = (typeof LeaderboardPeriod)[keyof typeof LeaderboardPeriod];

/** `/leaderboard view:`: the top ten, or the caller with the two members above and below. */
export const LeaderboardScope = { Top: "top", Near: "near" } as const;
export type LeaderboardScope = (typeof LeaderboardScope)[keyof typeof LeaderboardScope];

/** How a board shows one member, decided by the privacy rule: a name never reaches a renderer unless it may be shown. */
export type ShownMember = { readonly kind: "name"; readonly displayName: string } | { readonly kind: "alias"; readonly alias: number };

export interface LeaderboardEntry {
  readonly memberId: number;
  readonly rank: number;
  readonly points: number;
  readonly shown: ShownMember;
  /** The member who asked (for view:near). */
  readonly isCaller: boolean;
}

export interface LeaderboardCaller {
  /** The caller's own name: only ever shown to the caller, or publicly when their board presentation is by name. */
  readonly displayName: string;
  /** How public boards show the caller. */
  readonly presentation: BoardVisibility;
  /** Holds the cohort's exclude_role: never ranked. */
  readonly excluded: boolean;
  /** Whether the caller takes a place in the ranking (also on a board that is off, where everybody's presentation is hidden). */
  readonly ranking: OwnRanking;
  /** Null without points or when excluded; for a hidden member, the place they would take. */
  readonly rank: number | null;
  /** On a final board, the points it shows; off it, all their points (those logged after the close count). */
  readonly points: number;
}

export interface LeaderboardView {
  readonly cohort: Cohort;
  readonly period: LeaderboardPeriod;
  readonly scope: LeaderboardScope;
  readonly weekNumber: number | null;
  /** False when the cohort's board is off: `top` is empty and only the caller's own standing is shown, privately. */
  readonly boardOn: boolean;
  readonly top: readonly LeaderboardEntry[];
  /** The member who asked (null for the scheduler's posts). */
  readonly caller: LeaderboardCaller | null;
  readonly rankedMembers: number;
  /** The final board, as the closing post showed it (after the course; late completions change it no more). */
  readonly final: boolean;
  /** A final board of a cohort an admin ended before its planned last day (`endedEarlyOn`): it reads as ended, not finished. */
  readonly endedEarly: boolean;
  /** Whether the reply may be public: the board is on and the caller appears on it by name. */
  readonly publicReply: boolean;
  /** A final board kept while the cohort's board was off: it lists nobody, though the board is on now. */
  readonly finalKeptPrivate: boolean;
  /**
   * A final board the closing post showed, as it showed it (the board on, not kept private, the post sent): "as
   * posted". False for any other board, and for one kept when the closing post was skipped or failed for good.
   */
  readonly finalPosted: boolean;
  /**
   * A weekly board of a week already over (the course's last, before its closing post; or the week an admin ended the
   * cohort in, `/cohort end` ending it): reading logged now is not on it.
   */
  readonly weekOver?: boolean;
  /**
   * No reading logged now gets on any of its boards and no week runs any more: the course's last week (breaks
   * included) is over, before its closing post, or the cohort ended (`cohortBoardClosed`).
   */
  readonly boardClosed?: boolean;
}

/** How many members above and below the caller view:near shows. */
const nearCount = 2;

/**
 * Which board a view reads: a week's (`weekNumber`), or all time; all time after the course's last week is the
 * course's (`courseLastWeek`: that week), whose points leave out those logged after it.
 */
interface Board {
  readonly weekNumber: number | null;
  readonly courseLastWeek: number | null;
}

/** Longest a member's /leaderboard waits for a listing of the exclude role (see leaderboardOf). */
const exclusionListingWaitMs = 1_000;

/** What members do: read today's plan, log and undo completions, see progress and rankings. */
export class StudyService {
  constructor(
    private readonly cohorts: CohortService,
    private readonly plans: PlanService,
    private readonly completions: CompletionRepository,
    private readonly memberPlans: MemberPlanService,
    private readonly logger: Logger,
    private readonly courseEnd: CourseEndService,
    private readonly members: MemberRepository,
    private readonly memberDays: MemberDayRepository,
    /** How replies of each language write weeks, from the message catalogue: a typed item's details are read with them. */
    private readonly weekWords: WeekWordsOfLanguages,
  ) {}

  async today(request: MemberRequest): Promise<TodayView> {
    const { cohort, member, planState, completions: readAlready } = await this.resolveWithState(request, true);
    // On the long way (planState and completions not read yet), side by side: neither read needs the other.
    const [planning, completions] = await Promise.all([
      this.memberPlans.planFor(cohort, member, request.now, planState),
      readAlready ?? this.completions.streakRowsForMember(member.id),
    ]);
    const { context, plan, today } = planning;
    // The member's day (their zone, the 04:00 rollover) heads the reply, like its date and items.
    const day = dayInfoOfDate(cohort.settings, today);
    const streak = this.memberPlans.streakOf(planning, completions, request.now);
    // Their own end, not the cohort's calendar: a member who finishes late (`/pace extend`) reads on after the closing
    // post. A cohort an admin ended shows its hints-free day until the course's last week, then the summary, for everyone;
    // one ended before its first day never ran a week, so its summary comes at once (no "not started yet", no overdue).
    const courseOver =
      planning.planOver ||
      (cohort.status === CohortStatus.Ended && (courseIsOver(cohort, context, request.now) || endedAfterWeekOf(cohort, context) === 0));
    const done = new Set(completions.map((row) => row.itemId));
    // Once the course is over nothing is due or overdue: the reply is the member's summary.
    const status = courseOver ? { dueToday: [], overdue: [], backlog: [] } : memberDayStatus(plan, done, today);
    const page = overduePage(status.overdue);
    const statusOf = (entry: MemberPlanItem, isDone: boolean): ItemStatus => {
      const item = storedPlanItem(context, entry.item);
      // A done "choose one" slot weighs the track read, as /progress counts it (no estimate when that track has
      // none); an open one its longest track (as /progress and /pace do).
      const readTrack = isDone && item.choice !== undefined;
      return { item: readTrack ? { ...item, minutes: memberEstimate(item, done) } : item, assignedDate: entry.dueDate, done: isDone };
    };
    const todays = status.dueToday.map((entry) => statusOf(entry, entry.done));
    // The member's own weeks: one who finishes late (`/pace extend`) reads on past the cohort's last ("Week 13 · Day 2").
    const totalWeeks = memberTotalWeeks(context.plan.totalWeeks, plan);
    const inPlan = day.weekNumber >= 1 && day.weekNumber <= totalWeeks;
    const weekItems = inPlan ? memberWeekItems(plan, day.weekNumber) : [];
    const minutesOf = (entry: ItemStatus) => entry.item.minutes ?? 0;
    return {
      cohort,
      day,
      today,
      zone: planning.zone,
      ownZone: planning.zone !== cohort.settings.timeZone,
      dayOff: isMemberDayOff(plan, today),
      totalWeeks,
      items: todays,
      overdue: page.listed.map((entry) => statusOf(entry, false)),
      overdueTotal: tally(status.overdue),
      overdueMore: page.more,
      backlog: tally(status.backlog.filter((entry) => !entry.addedLate)),
      backlogBeforeReturn: member.returnedAt !== null,
      optionalBacklog: tally(status.backlog.filter((entry) => entry.addedLate)),
      optionalFrom: memberOptionalFrom(cohort.optionalFrom, planning.zone),
      endedEarly: wasEndedEarly(cohort.endedAt, breakCalendarOf(cohort, context)),
      streak,
      minutesLeft: todays.filter((entry) => !entry.done).reduce((sum, entry) => sum + minutesOf(entry), 0),
      minutesTotal: todays.reduce((sum, entry) => sum + minutesOf(entry), 0),
      // No bar for a week with nothing to read (a break week, or one an extension emptied): "0/0 items" says nothing.
      week:
        weekItems.length === 0
          ? null
          : {
              weekNumber: day.weekNumber,
              done: weekItems.filter((entry) => isItemDone(entry.item, done)).length,
              total: weekItems.length,
              timed: context.hasEstimates,
            },
      // An ended cohort has no reading day left to point at, whatever its calendar says.
      nextStudyDate: courseOver || cohort.status === CohortStatus.Ended ? null : nextReadingDay(plan, today),
      courseSummary: courseOver
        ? await this.courseEnd.summary(cohort, member, context, streak.best, await this.plans.postsFor(cohort), request.now)
        : null,
      afterCourse: !courseOver && cohort.status !== CohortStatus.Ended && courseIsOver(cohort, context, request.now),
      countsUntil: courseOver || cohort.status === CohortStatus.Ended ? null : countsUntilWithinDay(cohort, context, planning, request.now),
    };
  }

  /** `/done`: points against the member's own due day; `when:yesterday` counts for the previous study day, without the bonus. */
  async complete(request: MemberRequest & { readonly item: string; readonly when?: CompletionWhen | null }): Promise<CompletionView> {
    const picked = cohortItemOfValue(request.item);
    const { cohort, member, planState } = await this.resolveWithState(withPickedCohort(request, picked), false);
    if (cohort.status === CohortStatus.Ended) throw await this.cohorts.closedError(cohort, ClosedWordings.completions);
    const planning = await this.memberPlans.planFor(cohort, member, request.now, planState);
    const { context, plan } = planning;
    const item = await this.itemOfOption(context, cohort, request.item, picked);
    const forYesterday = request.when === CompletionWhen.Yesterday;
    const day = forYesterday
      ? yesterdayTarget(planning.today, plan.studyDays, plan.daysOff, firstDayOf(member, plan, planning.zone))
      : planning.today;
    if (day === null) throw noYesterdayError(member, plan, planning.today);
    const dueDate = plan.itemById.get(item.id)?.dueDate ?? null;
    const score = memberCompletionPoints(item, request.now, dueDate, planning.zone, forYesterday);
    // Reading logged before the first day (week 1's post may go out days earlier, its live board with it)
    // counts for week 1's board, the week `/leaderboard` shows then: no week 0 board shows it anywhere.
    const weekNumber = Math.max(1, dayInfo(cohort.settings, request.now).weekNumber);
    // The streak rows come with the write: on PostgreSQL in the same round trip.
    const {
      created,
      completion,
      streak: all,
    } = await stillMember(
      cohort.name,
      this.completions.recordAndReadStreak({
        memberId: member.id,
        cohortId: cohort.id,
        itemId: item.id,
        completedAt: request.now,
        weekNumber,
        points: score.points,
        onTime: score.onTime,
        day,
        forYesterday,
      }),
    );
    if (created) {
      this.logger.info({ cohortId: cohort.id, memberId: member.id, itemId: item.id, points: completion.points }, "completion logged");
    }
    return {
      cohort,
      item,
      alreadyDone: !created,
      points: completion.points,
      onTime: completion.onTime,
      totalPoints: all.reduce((sum, row) => sum + row.points, 0),
      streak: this.memberPlans.streakOf(planning, all, request.now),
      loggedFor: created && forYesterday ? day : null,
      required: requiredProgress(context, new Set(all.map((row) => row.itemId))),
      afterCourse: courseIsOver(cohort, context, request.now),
    };
  }

  async undo(request: MemberRequest & { readonly item: string }): Promise<UndoView> {
    const picked = cohortItemOfValue(request.item);
    const { cohort, member } = await this.cohorts.resolveForMember(
      request.guildId,
      request.userId,
      withPickedCohort(request, picked).cohort,
    );
    // An ended cohort's final leaderboard is posted: its completions are frozen both ways.
    if (cohort.status === CohortStatus.Ended) throw await this.cohorts.closedError(cohort, ClosedWordings.completions);
    const context = await this.plans.contextFor(cohort);
    const item = await this.itemOfOption(context, cohort, request.item, picked);
    const removed = await stillMember(cohort.name, this.completions.remove(member.id, item.id, cohort.id, request.now));
    if (removed === null) throw new UserError("item.notDone", { title: item.title, timed: item.minutes === null ? "no" : "yes" });
    this.logger.info({ cohortId: cohort.id, memberId: member.id, itemId: item.id, points: removed.points }, "completion undone");
    const all = await this.completions.listForMember(member.id);
    return { cohort, item, pointsRemoved: removed.points, totalPoints: all.reduce((sum, row) => sum + row.points, 0) };
  }

  async week(request: MemberRequest & { readonly weekNumber: number | null }): Promise<WeekView> {
    const { cohort, member } = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    const [{ context, plan, today, zone }, doneItemIds] = await Promise.all([
      this.memberPlans.planFor(cohort, member, request.now),
      this.doneSet(member.id),
    ]);
    // The member's own weeks: a member who finishes late (`/pace extend`) has weeks after the cohort's last.
    const total = memberTotalWeeks(context.plan.totalWeeks, plan);
    // The week of the member's day, as /today heads it.
    const current = weekNumberOfDate({ startDate: context.plan.startDate, totalWeeks: total }, today);
    const wanted = request.weekNumber ?? Math.min(Math.max(current, 1), total);
    if (!Number.isInteger(wanted) || wanted < 1 || wanted > total) throw new UserError("input.invalidWeek", { total });
    const cohortWeek = context.plan.weeks[wanted - 1] ?? extraPlanWeek(wanted, plan);
    // The member's own due days: extensions and catch-ups move items between weeks. A done slot weighs the track read.
    const week = memberPlanWeek(cohortWeek, plan, doneItemIds, context.plan.weeks);
    const sectionKeys = new Set(week.sections.map((section) => section.key));
    const references = [...context.plan.referenceItemsBySection]
      .filter(([key]) => sectionKeys.has(key))
      .flatMap(([, items]) => items.map((item) => itemOf(context, item.id)));
    const endedBeforeStart = cohort.status === CohortStatus.Ended && endedAfterWeekOf(cohort, context) === 0;
    return {
      cohort,
      week,
      totalWeeks: total,
      isCurrent: !endedBeforeStart && wanted === current,
      currentWeek: current,
      doneItemIds,
      references,
      breakResumesOn: context.breakWeeks.includes(wanted) ? resumption(context.breakWeeks, context.plan.weeks, wanted).resumesOn : null,
      zone,
      ownZone: zone !== cohort.settings.timeZone,
      endedBeforeStart,
    };
  }

  /** `targetUserId` lets a member look at someone else's progress in the same cohort. */
  async progress(request: MemberRequest & { readonly targetUserId: string | null }): Promise<ProgressView> {
    const { cohort, member } = await this.withCallerName(await this.progressMembership(request), request);
    const targetId = request.targetUserId ?? request.userId;
    const target = targetId === request.userId ? member : await this.cohorts.memberOf(cohort, targetId);
    // Someone else's progress shows their points and rank: only for members the boards show by name.
    if (
      target.id !== member.id &&
      boardPresentation(cohort.leaderboard, { visibility: target.boardVisibility, excluded: target.excluded }) !== BoardVisibility.Name
    )
      throw new UserError("privacy.progressPrivate");
    // Side by side (each its own round trip on PostgreSQL): the rank needs only the member row's points,
    // the sum of their completions kept in the same transaction as every completion change.
    const [planning, all, { points: rankPoints, ahead, ranked }] = await Promise.all([
      this.memberPlans.planFor(cohort, target, request.now),
      this.completions.listForMember(target.id),
      this.allTimeStanding(cohort, target, request.now),
    ]);
    const { context } = planning;
    const done = new Set(all.map((row) => row.itemId));
    // The plan's items, not every id with a date: a "choose one" slot is one item, done by any of its tracks.
    const assigned = context.plan.weeks.flatMap((week) =>
      week.days.flatMap((day) => day.items.map((item) => storedPlanItem(context, item))),
    );
    const isDone = (item: StoredPlanItem) => isItemDone(item, done);
    const dueWeeks = sectionDueWeeks(planning.plan);
    const sections = context.curriculum.sections.map((stored) => {
      // The sections' weeks as the cohort reads them (break weeks move them), like /week and the posts.
      const section = calendarSectionOf(context, stored);
      const sectionItems = assigned.filter((item) => item.sectionId === section.id);
      const own = dueWeeks.get(section.key) ?? { first: section.weekStart, last: section.weekEnd };
      return { section, done: sectionItems.filter(isDone).length, total: sectionItems.length, dueWeeks: own };
    });
    const points = all.reduce((sum, row) => sum + row.points, 0);
    // After the closing post the board is final: late completions count in the points, but move no rank.
    // As /leaderboard tells it: a hidden member only the place they would take, an excluded one no rank (on the
    // kept final board, one who took no place on it when it was made is hidden from it).
    const standing = cohort.finalBoardKept
      ? await this.courseEnd
          .finalRank(cohort, target, points)
          .then(({ rank, ranked: rankedMembers, ranking }) => ({ rank, rankedMembers, ranking }))
      : {
          rank: rankPoints > 0 && target.leftAt === null ? competitionRank(ahead) : null,
          rankedMembers: ranked,
          ranking: ownRankingOf(target),
        };
    const { ranking } = standing;
    // Someone else's progress shows a rank only where the board gives them one: never the place they would take.
    const shownRank = ranking === OwnRanking.Excluded || (target.id !== member.id && ranking !== OwnRanking.Ranked) ? null : standing.rank;
    // Someone who left is off the boards until they come back (while the cohort takes points): no rank to give.
    const left = ranking !== OwnRanking.Excluded && shownRank === null && target.leftAt !== null && !cohortBoardClosed(cohort);
    const replayed = this.memberPlans.streakWithFrozenDaysOf(planning, all, request.now);
    const { streak } = replayed;
    return {
      cohort,
      member: target,
      own: target.id === member.id,
      required: requiredProgress(context, done),
      // A done "choose one" slot counts the track read, in both: reading everything reads "X of X".
      minutesDone: assigned.filter(isDone).reduce((sum, item) => sum + memberMinutes(item, done), 0),
      minutesTotal: assigned.reduce((sum, item) => sum + memberMinutes(item, done), 0),
      assigned: { done: assigned.filter(isDone).length, total: assigned.length },
      sections: sections.filter((entry) => entry.total > 0),
      streak,
      points,
      ranking: left ? ProgressRanking.Left : ranking,
      rank: shownRank,
      rankedMembers: standing.rankedMembers,
      studyWeeks: studyGridOf(cohort, target, all, planning, replayed),
      // In the member's own weeks: an extension's run on after the cohort's last.
      currentWeek: weekNumberOfDate(
        { startDate: context.plan.startDate, totalWeeks: memberTotalWeeks(context.plan.totalWeeks, planning.plan) },
        planning.standingDay,
      ),
    };
  }

  /**
   * Where the member stands on the all-time board (their points there, how many rank above, how many are ranked):
   * after the course's last week, the course's board, as /leaderboard ranks them (late points move no rank).
   */
  private async allTimeStanding(cohort: Cohort, member: MemberRecord, now: Date): Promise<Standing> {
    const lastWeek = await this.plans.calendarWeeks(cohort);
    if (cohort.finalBoardKept || dayInfo(cohort.settings, now).weekNumber <= lastWeek)
      return this.completions.standing(cohort.id, null, member.points);
    const { points } = await this.completions.courseScore(member.id, lastWeek);
    return this.completions.courseStanding(cohort.id, lastWeek, points);
  }

  /**
   * The caller's cohort for `/progress`. Asked about someone else without `cohort:`, a member of several cohorts
   * means the one they share with them; sharing several, the caller picks among those (ones the member left only if they are in none), and sharing none, there is nothing to show.
   */
  private async progressMembership(request: MemberRequest & { readonly targetUserId: string | null }): Promise<Membership> {
    const joined = await this.members.listActiveInGuild(request.guildId, request.userId);
    const target = request.targetUserId;
    const unnamed = request.cohort === null || request.cohort.trim() === "";
    if (!unnamed || joined.length < 2 || target === null || target === request.userId)
      return this.cohorts.resolveAmong(joined, request.guildId, request.userId, request.cohort);
    // A cohort they left still counts as shared (their progress there says they left), as it does with `cohort:`;
    // one they are still in comes first.
    const theirs = new Map((await this.members.cohortsEverJoined(request.guildId, target)).map((row) => [row.cohortId, row.active]));
    const everShared = joined.filter(({ cohort }) => theirs.has(cohort.id));
    const stillShared = everShared.filter(({ cohort }) => theirs.get(cohort.id) === true);
    const shared = stillShared.length > 0 ? stillShared : everShared;
    const [only] = shared;
    if (only === undefined) throw new UserError("cohort.noneShared");
    if (shared.length > 1) throw new UserError("cohort.ambiguousShared", { names: shared.map(({ cohort }) => cohort.name) });
    return only;
  }

  /**
   * Last week's chart for the weekly post: grouped counts per study day and one for the sections, never the completions
   * themselves. `now`: when the chart is drawn; days of the week not over by then (its member day's 04:00 rollover) count
   * nothing yet.
   */
  async weeklyChartOf(cohort: Cohort, weekNumber: number, now: Date): Promise<WeeklyChartData | null> {
    const context = await this.plans.contextFor(cohort);
    const week = context.plan.weeks[weekNumber - 1];
    if (week === undefined) return null;
    const zone = cohort.settings.timeZone;
    const minutesOf = (itemId: number) => context.itemsById.get(itemId)?.minutes ?? null;
    // Each completion on the member day it counts for (`completionDateOf`: its stored day, `/done when:yesterday`,
    // the 04:00 rollover, the member's zone), as the streak and the progress card's grid count it.
    const dates = week.days.map((day) => day.date);
    const first = dates[0] ?? week.startDate;
    const last = dates.at(-1) ?? week.startDate;
    // No member day of the week starts before this (the member zone furthest ahead of the cohort's is a day
    // and a few hours ahead), nor ends after `undatedBefore` (a day and a few hours behind). A stored day is
    // the day itself, however late it was logged (`when:yesterday` on Monday morning logs for Friday).
    const loggedFrom = startOfLocalDay(addDays(first, -2), zone);
    const undatedBefore = startOfLocalDay(addDays(last, 3), zone);
    const [byDay, undated] = await Promise.all([
      this.completions.countsByDayAndItem(cohort.id, dates, loggedFrom),
      this.completions.undatedLogged(cohort.id, { from: loggedFrom, before: undatedBefore }),
    ]);
    for (const row of undated) {
      const counts = byDay.get(completionDateOf({ day: null, completedAt: row.completedAt }, memberTimeZone(row.remindTimeZone, zone)));
      counts?.set(row.itemId, (counts.get(row.itemId) ?? 0) + 1);
    }
    const days = week.days.map((day) => {
      // A day still running (or to come) when an early post draws the chart has no count yet, not "0 min".
      const over = memberDayEnd(day.date, zone).getTime() <= now.getTime();
      const counts = over ? (byDay.get(day.date) ?? new Map<number, number>()) : new Map<number, number>();
      return { date: day.date, weekday: day.weekday, minutes: minutesRead(counts, minutesOf), completions: completionsIn(counts), over };
    });
    const members = await this.cohorts.memberCount(cohort.id);
    const byEnd = await this.countsForDaysBefore(cohort.id, daysBefore(week.endDate, now, zone));
    // The plan's items, like /progress: a "choose one" slot is one item (keyed by its id), done once by any track.
    const planItems = context.plan.weeks.flatMap((week) =>
      week.days.flatMap((day) => day.items.map((item) => storedPlanItem(context, item))),
    );
    // Its slots on the same member days as its other items.
    const doneBySlot = await this.withSlotCounts(cohort, planItems, byEnd.counts, byEnd);
    // Sections begin in calendar weeks (break weeks counted), like `weekNumber`.
    const sections = context.curriculum.sections
      .map((stored) => calendarSectionOf(context, stored))
      .filter((section) => section.weekStart <= weekNumber)
      .map((section) => ({ section, itemIds: planItems.filter((item) => item.sectionId === section.id).map((item) => item.id) }))
      .filter(({ itemIds }) => itemIds.length > 0)
      .map(({ section, itemIds }) => ({
        title: section.title,
        percent: completionShare(doneBySlot, itemIds, members),
        weekStart: section.weekStart,
        weekEnd: section.weekEnd,
      }));
    // The same rule as /progress's "Topics read": a path whose assigned items have no estimates counts topics.
    const timed = context.hasEstimates;
    const beforeStart = weekNumber === 1 ? await this.readBeforeStart(cohort.id, week.startDate, zone, minutesOf) : null;
    return { weekNumber, startDate: week.startDate, endDate: week.endDate, timed, days, beforeStart, sections };
  }

  /**
   * How many of the cohort's members completed each item for a member day before `day` (the day it counts for, as
   * the chart's bars and the streak count it: Friday's reading logged on Monday morning for yesterday included),
   * of what was logged before `loggedBefore` (when the chart is drawn).
   */
  private async countsForDaysBefore(cohortId: number, bounds: DaysBefore): Promise<CountsBefore> {
    const { day, loggedBefore, undatedBefore, zone } = bounds;
    const [counts, undatedEarlier, undated] = await Promise.all([
      this.completions.countsByItemBeforeDay(cohortId, day, loggedBefore),
      this.completions.undatedCountsByItem(cohortId, undatedBefore),
      this.completions.undatedLogged(cohortId, { from: undatedBefore, before: startOfLocalDay(addDays(day, 2), zone) }),
    ]);
    for (const [itemId, count] of undatedEarlier) counts.set(itemId, (counts.get(itemId) ?? 0) + count);
    const placed = undated.filter(
      (row) =>
        row.completedAt < loggedBefore &&
        completionDateOf({ day: null, completedAt: row.completedAt }, memberTimeZone(row.remindTimeZone, zone)) < day,
    );
    for (const row of placed) counts.set(row.itemId, (counts.get(row.itemId) ?? 0) + 1);
    return { ...bounds, counts, placed };
  }

  /**
   * What the cohort read on member days before the course's first day `startDate`, as week 1's chart counts its days
   * (each completion on the member day it counts for); null when nothing.
   */
  private async readBeforeStart(
    cohortId: number,
    startDate: string,
    zone: string,
    minutesOf: (itemId: number) => number | null,
  ): Promise<WeeklyChartData["beforeStart"]> {
    // A member day starts at most a day and a few hours before the cohort's, and a day before the start is only
    // logged before it (`/done when:yesterday` reaches no day before the first): none is logged later than this.
    const { counts } = await this.countsForDaysBefore(cohortId, daysBefore(startDate, startOfLocalDay(addDays(startDate, 2), zone), zone));
    const completions = completionsIn(counts);
    return completions === 0 ? null : { minutes: minutesRead(counts, minutesOf), completions };
  }

  /**
   * The whole course's chart for the closing post: one grouped count of members per item, and one more query for
   * the "choose one" slots, however many (one per 500 tracks: `withSlotCounts`; the mastery path has one).
   */
  async courseChartOf(cohort: Cohort): Promise<CourseChartData> {
    const context = await this.plans.contextFor(cohort);
    const members = await this.cohorts.memberCount(cohort.id);
    const planItems = context.plan.weeks.flatMap((week) => week.days.flatMap((day) => day.items));
    // A "choose one" slot (keyed by its id) counts once, done by any track, like the weekly chart and /progress.
    const counts = await this.withSlotCounts(cohort, planItems, await this.completions.countsByItem(cohort.id));
    return {
      weeks: weeksRun(cohort, context).map((week) => {
        const itemIds = week.days.flatMap((day) => day.items.map((item) => item.id));
        const breakWeek = context.breakWeeks.includes(week.number);
        return {
          weekNumber: week.number,
          breakWeek,
          nothingAssigned: !breakWeek && itemIds.length === 0,
          percent: completionShare(counts, itemIds, members),
        };
      }),
    };
  }

  /**
   * `counts` (members per item) with each "choose one" slot of `planItems`, by its id, counting the members who did any
   * track (for a member day before `before`'s, as countsForDaysBefore counts the other items, when given): one query
   * for every slot's tracks, whatever the number of slots (one per 500 tracks, the most one statement binds).
   */
  private async withSlotCounts(
    cohort: Cohort,
    planItems: readonly { readonly id: number; readonly choice?: readonly { readonly id: number }[] }[],
    counts: ReadonlyMap<number, number>,
    before?: CountsBefore,
  ): Promise<Map<number, number>> {
    const bySlot = new Map(counts);
    const slots = planItems.flatMap((item) =>
      item.choice === undefined ? [] : [{ id: item.id, tracks: item.choice.map((track) => track.id) }],
    );
    if (slots.length === 0) return bySlot;
    const completers = await this.completions.completersOfItems(cohort.id, [...new Set(slots.flatMap((slot) => slot.tracks))], before);
    // The undated rows countsForDaysBefore placed on a day before: already read, not read again.
    const membersByItem = new Map<number, number[]>();
    for (const row of [...completers, ...(before?.placed ?? [])]) {
      const members = membersByItem.get(row.itemId);
      if (members === undefined) membersByItem.set(row.itemId, [row.memberId]);
      else members.push(row.memberId);
    }
    // Each slot reads only its own tracks' rows: linear in the rows, not slots × rows (a long course has hundreds).
    for (const slot of slots) bySlot.set(slot.id, new Set(slot.tracks.flatMap((track) => membersByItem.get(track) ?? [])).size);
    return bySlot;
  }

  async leaderboard(
    request: MemberRequest & { readonly period: LeaderboardPeriod; readonly scope?: LeaderboardScope },
  ): Promise<LeaderboardView> {
    const { cohort, member } = await this.withCallerName(
      await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort),
      request,
    );
    // The cohort was read in this interaction: only a kept final board is worth a read of its own.
    const board = cohort.finalBoardKept ? await this.courseEnd.finalBoard(cohort) : null;
    if (board !== null) return this.finalLeaderboard(cohort, board, member, request.scope ?? LeaderboardScope.Top, request.now);
    return this.leaderboardOf(cohort, request.period, request.now, member, undefined, request.scope ?? LeaderboardScope.Top);
  }

  /** After the closing post: the board it showed (privacy applied when it was made), whatever was logged since; the caller's rank on it. */
  private async finalLeaderboard(
    cohort: Cohort,
    board: FinalBoard,
    member: MemberRecord,
    scope: LeaderboardScope,
    now: Date,
  ): Promise<LeaderboardView> {
    const boardOn = cohort.leaderboard !== CohortBoard.Off;
    // Kept while the board was off: no lines to show, whatever the setting now (the caller's own standing only).
    const keptPrivate = board.keptPrivate === true;
    // The kept board leaves out members excluded now: stale marks are listed again first, as for a live board.
    if (boardOn && !keptPrivate && cohort.excludeRoleId !== null)
      await this.cohorts.refreshStaleExclusions(cohort, now, exclusionListingWaitMs);
    // view:near reads the caller's rank with their neighbours' (one statement for all of them).
    const near =
      boardOn && !keptPrivate && scope === LeaderboardScope.Near
        ? await this.courseEnd.nearOnFinalBoard(cohort, board, member, nearCount)
        : null;
    const { rank, ranking } = near?.own ?? (await this.courseEnd.finalRank(cohort, member, member.points, board));
    const caller = this.callerView(cohort, member, member.finalPoints ?? 0, 0);
    // A member who took no place on the kept board when it was made is hidden from it, whatever they chose since;
    // one excluded now has no place on it (finalRanking).
    const excluded = ranking === OwnRanking.Excluded;
    const presentation =
      ranking === OwnRanking.Hidden
        ? BoardVisibility.Hidden
        : excluded
          ? caller.presentation
          : boardPresentation(cohort.leaderboard, { visibility: member.boardVisibility, excluded: false });
    // Off the final board (no place on it), the caller sees all their points, late ones included (as /progress counts them).
    const offBoard = !excluded && rank === null;
    const callerView = { ...caller, presentation, excluded, ranking, rank, points: offBoard ? member.points : caller.points };
    const context = await this.plans.contextFor(cohort);
    const top =
      !boardOn || keptPrivate
        ? []
        : near !== null
          ? await this.finalNearEntries(cohort, near.lines, member)
          : await this.asTheyChooseNow(cohort, board.top);
    return {
      cohort,
      period: LeaderboardPeriod.All,
      scope,
      weekNumber: null,
      boardOn,
      top,
      caller: callerView,
      rankedMembers: board.rankedMembers,
      publicReply: boardOn && !keptPrivate && callerView.presentation === BoardVisibility.Name,
      final: true,
      endedEarly: wasEndedEarly(cohort.endedAt, breakCalendarOf(cohort, context)),
      finalKeptPrivate: keptPrivate,
      finalPosted: await this.courseEnd.shownAsPosted(cohort, board),
    };
  }

  /**
   * view:near on the kept final board: the caller's neighbours on it with the ranks and points it kept
   * (CourseEndService.nearOnFinalBoard); the lines the closing post listed as it shows them now (asTheyChooseNow),
   * the others by the privacy rule now.
   */
  private async finalNearEntries(cohort: Cohort, lines: readonly FinalNearLine[], caller: MemberRecord): Promise<LeaderboardEntry[]> {
    const listed = await this.asTheyChooseNow(
      cohort,
      lines.flatMap((line) => (line.kind === "listed" ? [line.entry] : [])),
    );
    const others = await this.entries(
      cohort,
      lines.flatMap((line) => (line.kind === "row" ? [line.row] : [])),
      caller,
    );
    const byMember = new Map([...listed, ...others].map((entry) => [entry.memberId, entry]));
    return lines.flatMap((line) => {
      const entry = byMember.get(line.kind === "listed" ? line.entry.memberId : line.row.memberId);
      return entry === undefined ? [] : [{ ...entry, isCaller: entry.memberId === caller.id }];
    });
  }

  /** The kept final board's lines as the closing post shows them once edited now (asTheyChooseNow). */
  async keptFinalBoardNow(cohort: Cohort, board: FinalBoard): Promise<LeaderboardEntry[]> {
    return this.asTheyChooseNow(cohort, board.top);
  }

  /**
   * The kept final board's lines, each member shown no less privately than they choose now: one who
   * took an alias or hid after the closing post is shown by alias or left out, and so is one who holds the
   * exclude_role now (ranks and points stay as posted). A line whose member was deleted is already gone from
   * the kept board.
   */
  private async asTheyChooseNow(cohort: Cohort, top: readonly LeaderboardEntry[]): Promise<LeaderboardEntry[]> {
    if (top.length === 0) return [];
    const members = new Map((await this.members.findManyByIds(top.map((entry) => entry.memberId))).map((member) => [member.id, member]));
    const entries: LeaderboardEntry[] = [];
    for (const entry of top) {
      const member = members.get(entry.memberId);
      if (member === undefined) continue;
      const presentation = boardPresentation(cohort.leaderboard, { visibility: member.boardVisibility, excluded: member.excluded });
      if (presentation === BoardVisibility.Hidden) continue;
      if (presentation === BoardVisibility.Alias && entry.shown.kind === "name")
        entries.push({ ...entry, shown: { kind: "alias", alias: member.alias ?? (await this.members.assignAlias(member.id, cohort.id)) } });
      else entries.push(entry);
    }
    return entries;
  }

  /**
   * The all-time board the closing post keeps as the final one: shown once and never recomputed, so
   * the exclude_role's holders are listed first whatever the marks' age (a weekly post uses them
   * while they are under five minutes old).
   */
  async finalLeaderboardOf(cohort: Cohort, now: Date, lastWeek: number): Promise<LeaderboardView> {
    if (cohort.leaderboard !== CohortBoard.Off) await this.cohorts.refreshExclusionsForFinalBoard(cohort, now);
    return this.courseBoardOf(cohort, now, lastWeek);
  }

  /**
   * The all-time board of the course's reading: points logged after its last calendar week (late completions,
   * e.g. on the Monday before the closing tick, or while the cohort was paused over its end) count in /progress
   * but change no board, so they are left out (the final board, the closing post and its preview): the top ten
   * is worked out in SQL (CompletionRepository.courseTop), the members left with no points in the rank's count.
   */
  async courseBoardOf(cohort: Cohort, now: Date, lastWeek?: number): Promise<LeaderboardView> {
    return this.leaderboardOf(cohort, LeaderboardPeriod.All, now, null, undefined, LeaderboardScope.Top, lastWeek ?? true);
  }

  /** Also used by the scheduler's posts (no caller there): every public board goes through the privacy rule here. */
  async leaderboardOf(
    cohort: Cohort,
    period: LeaderboardPeriod,
    now: Date,
    caller: MemberRecord | null,
    weekOverride?: number,
    scope: LeaderboardScope = LeaderboardScope.Top,
    courseOnly: boolean | number = false,
  ): Promise<LeaderboardView> {
    // Never a week past the last (breaks included): after the course the weekly board is the last week's.
    const lastWeek = await this.plans.calendarWeeks(cohort);
    const courseOver = dayInfo(cohort.settings, now).weekNumber > lastWeek;
    // An ended cohort's weekly board is the week it ended in, though a late closing post lets the calendar turn first.
    const boardWeek = dayInfo(cohort.settings, cohortStandingMoment(cohort, now)).weekNumber;
    const weekNumber = period === LeaderboardPeriod.Week ? (weekOverride ?? Math.min(lastWeek, Math.max(1, boardWeek))) : null;
    // After the last week the all-time board is the course's (as the closing post will keep it): late points move no rank.
    // `courseOnly` a week: the course's board through that week (CourseEndService.finalBoardLastWeek).
    const courseLastWeek = typeof courseOnly === "number" ? courseOnly : lastWeek;
    const board: Board = {
      weekNumber,
      courseLastWeek: weekNumber === null && (courseOnly !== false || courseOver) ? courseLastWeek : null,
    };
    const boardOn = cohort.leaderboard !== CohortBoard.Off;
    // Marks older than a few minutes are refreshed from the role first. A post (no caller) waits for the
    // listing: it stays up, and nobody is waiting for it. A member's /leaderboard waits at most
    // exclusionListingWaitMs: a server of a few thousand members lists in a page or three within that,
    // so the board they asked for already shows the change; a 10-page listing (or a rate-limited one)
    // would hold a deferred answer for seconds, so it finishes in the background and the next board shows it.
    if (boardOn && cohort.excludeRoleId !== null)
      await this.cohorts.refreshStaleExclusions(cohort, now, caller === null ? Number.POSITIVE_INFINITY : exclusionListingWaitMs);
    // The top ten needs nothing of the caller: on PostgreSQL it is read on a connection of its own
    // while the caller's standing is read (SQLite answers each in turn either way).
    const [{ points, anchor, standing }, rows] = await Promise.all([
      this.callerStanding(cohort, board, caller, scope),
      boardOn && scope === LeaderboardScope.Top ? this.topRows(cohort, board) : Promise.resolve([]),
    ]);
    const { ahead, ranked } = standing;
    // A caller with no place on the board (excluded, or no points in the period) is shown nobody around one, as
    // on the final board: their own line says where they stand.
    const top =
      boardOn && scope === LeaderboardScope.Near && caller !== null && anchor !== null
        ? caller.excluded || anchor.points <= 0
          ? []
          : await this.nearEntries(cohort, board, caller, anchor)
        : await this.entries(cohort, rankStandings(rows), caller);
    const callerView = caller === null ? null : this.callerView(cohort, caller, points, ahead);
    const publicReply = boardOn && (callerView === null || callerView.presentation === BoardVisibility.Name);
    return {
      cohort,
      period,
      scope,
      weekNumber,
      boardOn,
      top,
      caller: callerView,
      rankedMembers: ranked,
      publicReply,
      final: false,
      endedEarly: false,
      finalKeptPrivate: false,
      finalPosted: false,
      // Past the last week the weekly board stays on it: logging now counts for no week's board. An ended cohort takes
      // no completions: its week ended with it (before its closing post keeps the final board).
      weekOver: weekNumber !== null && (dayInfo(cohort.settings, now).weekNumber > weekNumber || cohortBoardClosed(cohort)),
      boardClosed: courseOver || cohortBoardClosed(cohort),
    };
  }

  /**
   * The caller's points and where they stand: their rank and the ranked count come from one query
   * (CompletionRepository.standing); with no caller (a post) only the ranked count matters. The anchor
   * (points and when they were reached) places the caller among their neighbours for view:near.
   */
  private async callerStanding(
    cohort: Cohort,
    board: Board,
    caller: MemberRecord | null,
    scope: LeaderboardScope,
  ): Promise<{ points: number; anchor: BoardAnchor | null; standing: Standing }> {
    const { weekNumber } = board;
    if (caller === null) return { points: 0, anchor: null, standing: await this.standingOn(cohort, board, 0) };
    if (weekNumber !== null && scope === LeaderboardScope.Top) {
      // Only the week's points are shown: read in the standing's own statement.
      const standing = await this.completions.memberStanding(cohort.id, weekNumber, caller.id);
      return { points: standing.points, anchor: null, standing };
    }
    const anchor = await this.callerScore(caller, board);
    return { points: anchor.points, anchor, standing: await this.standingOn(cohort, board, anchor.points) };
  }

  /** Where `points` stands on the board: the week's, all time, or the course's (late points left out). */
  private standingOn(cohort: Cohort, board: Board, points: number): Promise<Standing> {
    return board.courseLastWeek === null
      ? this.completions.standing(cohort.id, board.weekNumber, points)
      : this.completions.courseStanding(cohort.id, board.courseLastWeek, points);
  }

  /** The board's top ten; the course's when nobody logged late is the all-time one. */
  private async topRows(cohort: Cohort, board: Board): Promise<ScoreRow[]> {
    const { weekNumber, courseLastWeek } = board;
    if (weekNumber !== null) return this.completions.topOfWeek(cohort.id, weekNumber, 10);
    const course = courseLastWeek === null ? null : await this.completions.courseTop(cohort.id, courseLastWeek, 10);
    return course ?? this.completions.topAllTime(cohort.id, 10);
  }

  private async callerScore(caller: MemberRecord, board: Board): Promise<BoardAnchor> {
    const { weekNumber, courseLastWeek } = board;
    if (weekNumber !== null) return { memberId: caller.id, ...(await this.completions.weekScore(caller.id, weekNumber)) };
    if (courseLastWeek !== null) return this.completions.courseScore(caller.id, courseLastWeek);
    // The member row, read in this interaction, holds the sum of their completions (kept in the same
    // transaction as every completion change): no second read of the completions.
    return { memberId: caller.id, points: caller.points, reachedAt: caller.pointsReachedAt ?? new Date(0) };
  }

  private callerView(cohort: Cohort, caller: MemberRecord, points: number, ahead: number): LeaderboardCaller {
    const privacy = { visibility: caller.boardVisibility, excluded: caller.excluded };
    return {
      displayName: caller.displayName,
      presentation: boardPresentation(cohort.leaderboard, privacy),
      excluded: caller.excluded,
      ranking: ownRanking(privacy),
      // Ranks count only ranked members, so a hidden member's "would be" rank is the same count plus one.
      rank: points <= 0 || caller.excluded ? null : competitionRank(ahead),
      points,
    };
  }

  /** The caller between the members just above and below them, each with their competition rank. */
  private async nearEntries(cohort: Cohort, board: Board, caller: MemberRecord, anchor: BoardAnchor): Promise<LeaderboardEntry[]> {
    const { weekNumber, courseLastWeek } = board;
    const near =
      weekNumber !== null
        ? await this.completions.nearOfWeek(cohort.id, weekNumber, anchor, nearCount)
        : courseLastWeek !== null
          ? await this.completions.nearCourse(cohort.id, courseLastWeek, anchor, nearCount)
          : await this.completions.nearAllTime(cohort.id, anchor, nearCount);
    const self: ScoreRow[] =
      anchor.points > 0 && isRanked({ visibility: caller.boardVisibility, excluded: caller.excluded })
        ? [
            {
              ...anchor,
              userId: caller.userId,
              displayName: caller.displayName,
              boardVisibility: caller.boardVisibility,
              alias: caller.alias,
            },
          ]
        : [];
    const rows = [...near.above, ...self, ...near.below];
    // At most five rows, so at most five distinct scores to rank.
    const rankByPoints = new Map<number, number>();
    for (const points of new Set(rows.map((row) => row.points))) {
      rankByPoints.set(points, competitionRank((await this.standingOn(cohort, board, points)).ahead));
    }
    return this.entries(
      cohort,
      rows.map((row) => ({ ...row, rank: rankByPoints.get(row.points) ?? 0 })),
      caller,
    );
  }

  /** Applies the privacy rule to ranked rows, giving an alias number to whoever needs one for the first time. */
  private async entries(cohort: Cohort, rows: readonly (ScoreRow & { readonly rank: number })[], caller: MemberRecord | null) {
    const entries: LeaderboardEntry[] = [];
    for (const row of rows) {
      const visibility = isBoardVisibility(row.boardVisibility) ? row.boardVisibility : BoardVisibility.Hidden;
      const presentation = boardPresentation(cohort.leaderboard, { visibility, excluded: false });
      if (presentation === BoardVisibility.Hidden) continue;
      const shown: ShownMember =
        presentation === BoardVisibility.Name
          ? { kind: "name", displayName: row.displayName }
          : { kind: "alias", alias: row.alias ?? (await this.members.assignAlias(row.memberId, cohort.id)) };
      entries.push({ memberId: row.memberId, rank: row.rank, points: row.points, shown, isCaller: row.memberId === caller?.id });
    }
    return entries;
  }

  /**
   * The membership the request names, with the member's plan state and (when asked) completions. The
   * memberships are read by guild and user (in the option's cohort when it is an id), with the plan state
   * and completions when one membership is found: on PostgreSQL one round trip (MemberDayRepository).
   * Otherwise (a name picking one of several, or a `cohort:` option naming none of them: the long way)
   * the membership comes alone (undefined and null: not read yet).
   */
  private async resolveWithState(
    request: MemberRequest,
    withCompletions: boolean,
  ): Promise<Membership & { readonly planState: StoredMemberPlanState | undefined; readonly completions: readonly StreakRow[] | null }> {
    const { guildId, userId } = request;
    const joined = await this.memberDays.listActiveInGuild({ guildId, userId, cohortId: cohortIdOption(request.cohort), withCompletions });
    const resolved = await this.withCallerName(await this.cohorts.resolveAmong(joined, guildId, userId, request.cohort), request);
    return "planState" in resolved ? resolved : { ...resolved, planState: undefined, completions: null };
  }

  /**
   * The membership with the caller's current name (`MemberRequest.callerName`): compared with the name the
   * membership was read with, and written only when it changed, so the common interaction adds no statement.
   */
  private async withCallerName<M extends { readonly member: MemberRecord; readonly cohort: Cohort }>(
    resolved: M,
    request: MemberRequest,
  ): Promise<M> {
    const name = request.callerName;
    if (name === undefined || name.trim() === "" || name === resolved.member.displayName) return resolved;
    await stillMember(
      resolved.cohort.name,
      this.members.setDisplayName(resolved.member.id, { guildId: request.guildId, userId: request.userId }, name, request.now),
    );
    return { ...resolved, member: { ...resolved.member, displayName: name } };
  }

  /**
   * Autocomplete for `item`: today's and overdue items first, then the rest, best matches first. A member of
   * several cohorts who has not filled in `cohort` (Discord lists `item` first) is offered the items of each
   * one still taking completions, each with its cohort.
   */
  async suggestItems(request: MemberRequest & { readonly query: string; readonly onlyDone?: boolean }): Promise<ItemSuggestion[]> {
    let memberships: readonly Membership[];
    let several = false;
    try {
      const joined = await this.members.listActiveInGuild(request.guildId, request.userId);
      several = (request.cohort === null || request.cohort.trim() === "") && joined.length > 1;
      // An ended cohort takes no completions (nor undos): its items would only be refused.
      memberships = several
        ? cohortsToOffer(joined)
        : [await this.cohorts.resolveAmong(joined, request.guildId, request.userId, request.cohort)];
    } catch (error) {
      if (error instanceof UserError) return [];
      throw error;
    }
    const candidates: ItemCandidate[] = [];
    // Several: the first five cohorts still taking the member's completions; one whose course is over for them
    // (null) is dropped before it is counted, so over ones never crowd out a running one.
    let offered = 0;
    for (const membership of memberships.slice(0, maxCohortsTried)) {
      if (offered === maxCohortsOffered) break;
      const found = await this.itemCandidates(membership, request, several ? offered : null, several);
      if (found === null) continue;
      candidates.push(...found);
      offered += 1;
    }
    const typed = request.query.trim() !== "";
    // Rank by match first only when the user typed something; otherwise today's and overdue lead.
    // Several cohorts' items of a kind (today's, overdue, later) come by due day, so neither cohort crowds out the other.
    candidates.sort(
      (a, b) =>
        (typed ? b.score - a.score : 0) ||
        b.priority - a.priority ||
        (several ? byDueDate(a.suggestion.dueDate, b.suggestion.dueDate) : 0) ||
        a.cohortOrder - b.cohortOrder ||
        a.position - b.position,
    );
    return candidates.slice(0, maxChoices).map((candidate) => candidate.suggestion);
  }

  /** One membership's items matching the query, ranked (suggestItems); `cohortOrder` null: its cohort alone is offered. */
  private async itemCandidates(
    { cohort, member }: Membership,
    request: MemberRequest & { readonly query: string; readonly onlyDone?: boolean },
    cohortOrder: number | null,
    /** Offered beside other cohorts' items: null once the course is over for the member (past their last study day). */
    skipIfOver = false,
  ): Promise<ItemCandidate[] | null> {
    const { context, plan, today, daysOver } = await this.memberPlans.planFor(cohort, member, request.now);
    if (skipIfOver && daysOver) return null;
    const done = await this.doneSet(member.id);
    const sections = new Map(context.curriculum.sections.map((section) => [section.id, calendarSectionOf(context, section)]));
    const ordinals = ordinalsOf(context);
    const candidates: ItemCandidate[] = [];
    const matches = matcherFor(request.query);
    const readings = matchReadings(context);
    for (const item of context.itemsById.values()) {
      if (request.onlyDone === true ? !done.has(item.id) : false) continue;
      const score = matches(readings.get(item.id) ?? readForMatch(item.title));
      if (score < 0) continue;
      // The member's own due day: their catch-up and extension decide what is "today" and "overdue".
      // A late joiner's backlog from before they joined is never overdue (it would crowd out what is).
      const planned = plan.itemById.get(item.id);
      const date = planned?.dueDate;
      const overdue = planned !== undefined && date !== undefined && date < today && !isItemDone(planned.item, done) && !planned.preJoin;
      const priority = date === undefined ? 0 : date === today ? 3 : overdue ? 2 : 1;
      const section = sections.get(item.sectionId);
      candidates.push({
        priority,
        score,
        position: item.position,
        cohortOrder: cohortOrder ?? 0,
        suggestion: {
          itemId: item.id,
          title: item.title,
          done: done.has(item.id),
          weekStart: section?.weekStart ?? 0,
          weekEnd: section?.weekEnd ?? 0,
          group: item.group,
          dueDate: date ?? null,
          ordinal: ordinals.get(item.id) ?? 1,
          cohort: cohortOrder === null ? null : { id: cohort.id, name: cohort.name },
        },
      });
    }
    return candidates;
  }

  /**
   * The item the `item` option names in the cohort resolved. A choice that names its cohort too
   * (cohortItemOfValue) is found by id; picked from another cohort's list than `cohort:` names, it is refused
   * naming both (two cohorts often share a curriculum: logging it in the other one would be silent). A value of
   * that shape naming no item of the cohort (stale, or hand-made) asks for the item to be picked again.
   */
  private async itemOfOption(context: CohortContext, cohort: Cohort, raw: string, picked: CohortItem | null): Promise<StoredItem> {
    if (picked === null) {
      if (isCohortItemShaped(raw)) throw new UserError("item.pickAgain");
      return findItem(context, raw, this.weekWords);
    }
    if (picked.cohortId !== cohort.id) {
      const other = await this.cohortNameInGuild(cohort.guildId, picked.cohortId);
      if (other !== null) throw new UserError("item.otherCohort", { picked: other, cohort: cohort.name });
      throw new UserError("item.pickAgain");
    }
    const item = context.itemsById.get(picked.itemId);
    if (item !== undefined) return item;
    throw new UserError("item.pickAgain");
  }

  /** The name of the cohort a choice named, if it is still there in this server. */
  private async cohortNameInGuild(guildId: string, cohortId: number): Promise<string | null> {
    try {
      return (await this.cohorts.resolveInGuild(guildId, String(cohortId))).name;
    } catch (error) {
      if (error instanceof UserError) return null;
      throw error;
    }
  }

  private async doneSet(memberId: number): Promise<Set<number>> {
    return new Set((await this.completions.listForMember(memberId)).map((row: CompletionRecord) => row.itemId));
  }
}

function itemOf(context: CohortContext, itemId: number): StoredItem {
  const item = context.itemsById.get(itemId);
  if (item === undefined) throw new Error(`item ${itemId} is not in curriculum ${context.curriculum.id}`);
  return item;
}

/**
 * The first day a `when:yesterday` may log for: not before the member's own first day either (the day of their latest
 * join, in week 1 too), as they were not in the cohort before it. A late join's stored day counts as well, in case
 * their zone moved west since. Only asked for `when:yesterday`: the join instant's hour is seldom in the zone-offset memo.
 */
function firstDayOf(member: MemberRecord, plan: MemberPlan, zone: string): string {
  const joinDay = memberDateOf(member.returnedAt ?? member.joinedAt, zone);
  return [plan.startDate, joinDay, member.joinedOn ?? ""].reduce((latest, date) => (date > latest ? date : latest));
}

/**
 * Why `when:yesterday` has no day to log for: the course had none before today, or it had one but the member was
 * not in the cohort then (they joined, or came back, after it).
 */
function noYesterdayError(member: MemberRecord, plan: MemberPlan, today: string): UserError {
  if (yesterdayTarget(today, plan.studyDays, plan.daysOff, plan.startDate) === null) return new UserError("done.noYesterday");
  return new UserError("done.notInCohortYesterday", { returned: member.returnedAt === null ? "no" : "yes" });
}

function requiredProgress(context: CohortContext, done: ReadonlySet<number>): RequiredProgress {
  // A "choose one" group counts once, done by any of its tracks.
  const required = context.requiredSlots;
  let doneSlots = 0;
  for (const ids of required) if (ids.some((id) => done.has(id))) doneSlots += 1;
  return { done: doneSlots, total: required.length, timed: context.hasEstimates };
}

/**
 * The `item` option: an id chosen from autocomplete, or a title typed by hand,
 * optionally with the details that tell same-titled items apart (see typedItem.ts).
 * Only items of this cohort's curriculum are found, whatever value is sent.
 */
export function findItem(context: CohortContext, raw: string, weekWords: WeekWordsOfLanguages): StoredItem {
  const value = raw.trim();
  const id = rowIdOf(value);
  if (id !== null) {
    const byId = context.itemsById.get(id);
    if (byId !== undefined) return byId;
  }
  const typed = readsAs(value.replace(/^✓\s*/, ""));
  const byTitle = typedNames(context);
  const sections = new Map(context.curriculum.sections.map((section) => [section.id, calendarSectionOf(context, section)]));
  // One look-up: details are read only for the titles the typed text starts with, and the picked title's
  // index serves the "several items match" lines too.
  const lookup = typedItemLookup(byTitle, (item: StoredItem, ordinal: number) => detailsOf(sections, item, ordinal), weekWords);
  let pick = pickIn(lookup, typed);
  // A whole name typed without its accents, as autocomplete finds it ("indices" for "Índices"), names it too.
  const folded = pick.kind === "none" ? foldedNames(context, byTitle).get(foldForMatch(typed)) : undefined;
  if (folded !== undefined && folded !== null) pick = pickIn(lookup, folded);
  if (pick.kind === "none") throw new UserError("item.unknown", { value: echoedValue(value) });
  const items = byTitle.get(pick.title) ?? [];
  if (pick.kind === "one") return itemAt(items, pick.index);
  const titled = titleDetails(lookup, pick.title);
  const listed = pick.indices.slice(0, maxListedChoices);
  // What each line shows is worked out against every item of the title: typed back, a line picks its item.
  const shown = shownDetailsIn(lookup, pick.title, listed);
  throw new UserError("item.ambiguous", {
    unlisted: pick.indices.length - listed.length,
    choices: listed.map((index) => {
      const item = itemAt(items, index);
      const of = titled[index] ?? detailsOf(sections, item, index + 1);
      const extra = shown[index];
      return {
        title: item.title,
        sectionTitle: of.sectionTitle,
        weekStart: of.weekStart,
        weekEnd: of.weekEnd,
        group: extra?.group === true ? of.group : null,
        ordinal: extra?.ordinal === true ? of.ordinal : null,
      };
    }),
  });
}

function itemAt(items: readonly StoredItem[], index: number): StoredItem {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at ${index} of a title`);
  return item;
}

/** More lines than one reply has room for (1,500 characters of at least 20 each): the items after them are only counted. */
const maxListedChoices = 75;

/** `sameTitled` per curriculum version: its items' map is kept with that version (PlanService), and so is this. */
const sameTitledByItems = new WeakMap<ReadonlyMap<number, StoredItem>, ReadonlyMap<string, readonly StoredItem[]>>();

/** The curriculum's items by how their title reads, each title's in curriculum order (their "#n"); sorted once per version. */
function sameTitled(context: CohortContext): ReadonlyMap<string, readonly StoredItem[]> {
  let known = sameTitledByItems.get(context.itemsById);
  if (known === undefined) sameTitledByItems.set(context.itemsById, (known = titlesOf(context.itemsById)));
  return known;
}

function titlesOf(itemsById: ReadonlyMap<number, StoredItem>): Map<string, StoredItem[]> {
  const byTitle = new Map<string, StoredItem[]>();
  const items = [...itemsById.values()].sort((a, b) => a.position - b.position || a.id - b.id);
  for (const item of items) {
    const title = readsAs(item.title);
    const list = byTitle.get(title);
    if (list === undefined) byTitle.set(title, [item]);
    else list.push(item);
  }
  return byTitle;
}

/** `matchReadings` per curriculum version, as `sameTitled`: a re-import reads the new titles afresh. */
const matchReadingsByItems = new WeakMap<ReadonlyMap<number, StoredItem>, ReadonlyMap<number, MatchReading>>();

/** Each item's title read for autocomplete matching, by item id; read once per version, not at every keystroke. */
function matchReadings(context: CohortContext): ReadonlyMap<number, MatchReading> {
  let known = matchReadingsByItems.get(context.itemsById);
  if (known === undefined) {
    const readings = new Map<number, MatchReading>();
    for (const item of context.itemsById.values()) readings.set(item.id, readForMatch(item.title));
    matchReadingsByItems.set(context.itemsById, (known = readings));
  }
  return known;
}

/** `foldedNames` per curriculum version, as `sameTitled`. */
const foldedNamesByItems = new WeakMap<ReadonlyMap<number, StoredItem>, ReadonlyMap<string, string | null>>();

/** Each typed name (`typedNames`) by how it reads without accents (`foldForMatch`); null where two names fold alike. */
function foldedNames(context: CohortContext, names: ReadonlyMap<string, unknown>): ReadonlyMap<string, string | null> {
  let known = foldedNamesByItems.get(context.itemsById);
  if (known === undefined) {
    const folded = new Map<string, string | null>();
    for (const name of names.keys()) {
      const key = foldForMatch(name);
      folded.set(key, folded.has(key) ? null : name);
    }
    foldedNamesByItems.set(context.itemsById, (known = folded));
  }
  return known;
}

/** `typedNames` per curriculum version, as `sameTitled`. */
const typedNamesByItems = new WeakMap<ReadonlyMap<number, StoredItem>, ReadonlyMap<string, readonly StoredItem[]>>();

/**
 * What a typed `item` may name: each title (`sameTitled`), and a "choose one" track by its name too ("Go Path"),
 * as its Done button shows it, unless an item is titled so (that title names its items).
 */
function typedNames(context: CohortContext): ReadonlyMap<string, readonly StoredItem[]> {
  let known = typedNamesByItems.get(context.itemsById);
  if (known === undefined) {
    const titles = sameTitled(context);
    const names = new Map(titles);
    // In curriculum order, as a title's items are (their "#n").
    const tracks = [...context.itemsById.values()].filter((item) => item.track !== null && item.kind !== "Reference");
    for (const item of tracks.sort((a, b) => a.position - b.position || a.id - b.id)) {
      const name = readsAs(item.track ?? "");
      if (!titles.has(name)) names.set(name, [...(names.get(name) ?? []), item]);
    }
    typedNamesByItems.set(context.itemsById, (known = names));
  }
  return known;
}

/** `ordinalsOf` per curriculum version, as `sameTitled`. */
const ordinalsByItems = new WeakMap<ReadonlyMap<number, StoredItem>, ReadonlyMap<number, number>>();

/** Each item's place among the items of its title ("#2"), as the "several items match" reply numbers them; worked out once per version. */
function ordinalsOf(context: CohortContext): ReadonlyMap<number, number> {
  let known = ordinalsByItems.get(context.itemsById);
  if (known === undefined) {
    const ordinals = new Map<number, number>();
    for (const items of sameTitled(context).values()) items.forEach((item, index) => ordinals.set(item.id, index + 1));
    ordinalsByItems.set(context.itemsById, (known = ordinals));
  }
  return known;
}

function detailsOf(sections: ReadonlyMap<number, StoredSection>, item: StoredItem, ordinal: number): ItemDetails {
  const section = sections.get(item.sectionId);
  return {
    sectionTitle: section?.title ?? "",
    weekStart: section?.weekStart ?? 0,
    weekEnd: section?.weekEnd ?? 0,
    group: item.group,
    ordinal,
  };
}

/** The cohort's weeks, in order; for a cohort ended early (`/cohort end`), those up to the week it ended in, not the ones that never came. */
function weeksRun(cohort: Cohort, context: CohortContext): readonly PlanWeek[] {
  const endedAfterWeek = endedAfterWeekOf(cohort, context);
  return endedAfterWeek === null ? context.plan.weeks : context.plan.weeks.filter((week) => week.number <= endedAfterWeek);
}

/** The grid's exclusive end: the member's plan's end, or the day after the standing day once their days are over. */
function gridEndDate(planning: MemberPlanning): string {
  if (!planning.daysOver) return planning.plan.endDate;
  const afterStanding = addDays(planning.standingDay, 1);
  return afterStanding < planning.plan.endDate ? afterStanding : planning.plan.endDate;
}

/** Each section's (by key) calendar weeks in which `plan` has its items due. */
function sectionDueWeeks(plan: MemberPlan): Map<string, WeekSpan> {
  const spans = new Map<string, WeekSpan>();
  for (const entry of plan.items) {
    const week = calendarWeekOfDate(plan.startDate, entry.dueDate);
    const span = spans.get(entry.item.sectionKey);
    spans.set(entry.item.sectionKey, {
      first: Math.min(span?.first ?? week, week),
      last: Math.max(span?.last ?? week, week),
    });
  }
  return spans;
}

/**
 * The progress card's grid, on the streak's days: member days (a day logged for, the 04:00 rollover, their zone), their
 * days off, and the misses a streak freeze covered.
 */
function studyGridOf(
  cohort: Cohort,
  member: MemberRecord,
  completions: readonly CompletionRecord[],
  planning: MemberPlanning,
  replayed: Pick<StreakWithFrozenDays, "frozenDays" | "today">,
): StudyGridWeek[] {
  const zone = planning.zone;
  // Every completion's day: after the course the grid shows its last weeks, however long ago (a member has at most one per item).
  const activeDates = new Set(completions.map((row) => completionDateOf(row, zone)));
  return studyDayGrid({
    activeDates,
    frozenDates: replayed.frozenDays,
    // The streak's day: once the member's days are over (course over, cohort ended), their end, later days no misses;
    // never before a day already logged for (a move west), so that day shows done, not still ahead.
    today: replayed.today,
    daysOff: planning.plan.daysOff,
    startDate: cohort.settings.startDate,
    studyDays: planning.plan.studyDays,
    // The first join, kept through a /leave and return: days already missed stay missed, days away show as missed too.
    joinedDate: localDateOf(member.joinedAt, zone),
    // Ended early by an admin: the days after the end were never to come, so none shows as still ahead.
    endDate: gridEndDate(planning),
    weeks: gridWeeks,
  });
}

/** The cohort's course end, when it comes (after `now`) before the member's day `today` is over; else null. */
function countsUntilWithinDay(cohort: Cohort, context: CohortContext, planning: MemberPlanning, now: Date): Date | null {
  if (courseIsOver(cohort, context, now)) return null;
  const endsAt = courseEndInstant(breakCalendarOf(cohort, context));
  return memberDayEnd(planning.today, planning.zone).getTime() > endsAt.getTime() ? endsAt : null;
}

/**
 * What counts for member days before `day`, of what was logged before `loggedBefore` (countsForDaysBefore).
 * `undatedBefore`: completions logged before completions kept their day, counted in the database when logged two
 * days before `day` began (on a day before it in any zone, 04:00 rollover included); later ones are placed one by
 * one on their member day as the chart's bars place them, so a week's chart never loads the cohort's older undated rows.
 */
interface DaysBefore {
  readonly day: string;
  readonly loggedBefore: Date;
  readonly undatedBefore: Date;
  readonly zone: string;
}

/** Per item, how many completions count for a member day before `day`; `placed`: the undated ones among them read row by row. */
interface CountsBefore extends DaysBefore {
  readonly counts: Map<number, number>;
  readonly placed: readonly UndatedCompletion[];
}

function daysBefore(day: string, loggedBefore: Date, zone: string): DaysBefore {
  const undatedBefore = new Date(Math.min(startOfLocalDay(addDays(day, -2), zone).getTime(), loggedBefore.getTime()));
  return { day, loggedBefore, undatedBefore, zone };
}
