import { CohortStatus, type Cohort } from "../domain/cohort/cohortModel.js";
import { echoedValue } from "../domain/text/characters.js";
import { CohortBoard } from "../domain/privacy/boardPresentation.js";
import type { StoredSection } from "../domain/curriculum/storedCurriculum.js";
import { checkpointPrompt, type CheckpointPrompt } from "../domain/curriculum/checkpointPrompt.js";
import { resumption } from "../domain/schedule/cohortBreaks.js";
import { currentWeekNumber } from "../domain/schedule/currentWeekNumber.js";
import { postsStillToCome, type PostRowState } from "../domain/schedule/catchUpRule.js";
import { addDays, latestWeekdayOnOrBefore, localDateOf, parseLocalDate } from "../domain/schedule/localTime.js";
import { invalidDateError } from "./invalidDateError.js";
import { courseFitsCalendar, latestCourseStart } from "../domain/schedule/calendarReach.js";
import { typedTimeZone } from "./typedTimeZone.js";
import {
  DEFAULT_COHORT_SETTINGS,
  type CohortPlan,
  type PlanCurriculum,
  type PlannedPost,
  type PlanWeek,
} from "../domain/schedule/scheduleTypes.js";
import { sectionWeekRange } from "../domain/schedule/sectionWeekRange.js";
import type { CohortRepository } from "../db/repositories/CohortRepository.js";
import { UserError } from "../errors.js";
import type { CurriculumService } from "./CurriculumService.js";
import { endedAfterWeekOf, type CourseEndService, type FinalBoard } from "./CourseEndService.js";
import { calendarSectionOf, type PlanService } from "./PlanService.js";
import {
  LeaderboardPeriod,
  type CourseChartData,
  type LeaderboardEntry,
  type LeaderboardView,
  type StudyService,
  type WeeklyChartData,
} from "./StudyService.js";
import { rowIdOf } from "../domain/rowId.js";

/** How many of last week's leaders the weekly assignment names. */
export const weeklyTopCount = 5;

/**
 * The weekly post's top five, when it goes out and when it is drawn again: every member the board ranks in the top
 * five, so all tied at 5th are listed (of the top ten read: at most ten names, the first to get there).
 */
export function weeklyTop(top: readonly LeaderboardEntry[]): LeaderboardEntry[] {
  return top.filter((entry) => entry.rank <= weeklyTopCount);
}

export interface WeekPostView {
  readonly cohort: Cohort;
  readonly curriculumTitle: string;
  readonly week: PlanWeek;
  readonly totalWeeks: number;
  /** Reference items of the week's sections: listed in /week, never assigned. */
  readonly referenceCount: number;
  /** "Choose one" track of the items that have one (the mastery path's language tracks). */
  readonly trackByItemId: ReadonlyMap<number, string>;
  /** Checkpoint prompts that fall due during this week. */
  readonly checkpoints: readonly { readonly sectionTitle: string; readonly dueAt: Date }[];
  /** From week 2: the previous week's leaders (as the privacy rule shows them); null too when the cohort's board is off. */
  readonly lastWeek: { readonly weekNumber: number; readonly top: readonly LeaderboardEntry[] } | null;
  /** A `/cohort break` week: nothing assigned; reading resumes with the next week, on its first day. */
  readonly breakWeek: { readonly nextWeek: number; readonly resumesOn: string } | null;
  /** From week 2: the previous week's chart (attached as a picture). */
  readonly chart: WeeklyChartData | null;
  /** This week's board: the post's last message, kept live while the week runs. */
  readonly board: LiveBoardStandingsView;
}

/** The weekly post's live leaderboard part with its week's standings: while the week runs, and its final edit. */
export interface LiveBoardStandingsView {
  readonly cohort: Cohort;
  readonly weekNumber: number;
  readonly setAside: false;
  readonly board: LeaderboardView;
  /** The board's last edit, after its week ended: its final standings. */
  readonly weekOver: boolean;
}

/** The last edit of a board whose week a start edit moved (its post set aside): no standings, where to look instead. */
export interface SetAsideBoardView {
  readonly cohort: Cohort;
  readonly weekNumber: number;
  readonly setAside: true;
}

export type LiveBoardView = LiveBoardStandingsView | SetAsideBoardView;

/**
 * A board part of a post already sent, as it is to show now (a member deleted their data or chose to be
 * shown less): a weekly post's top five of the week before it, or the closing post's final board. Only
 * that part of the message is replaced; `boardOn` false: the cohort's board is off now, the part says so.
 */
export type PostedBoardView =
  | {
      readonly kind: "weekTop";
      readonly cohort: Cohort;
      /** The week whose leaders the part shows (the post's week's last reading week). */
      readonly weekNumber: number;
      readonly boardOn: boolean;
      readonly top: readonly LeaderboardEntry[];
    }
  | {
      readonly kind: "closing";
      readonly cohort: Cohort;
      readonly boardOn: boolean;
      readonly top: readonly LeaderboardEntry[];
      readonly rankedMembers: number;
    };

export interface CheckpointPostView {
  readonly cohort: Cohort;
  readonly section: StoredSection;
  /** What it asks about, as /checkpoint asks it (a phase whose checkpoint is its Objective: as its aim). */
  readonly prompt: CheckpointPrompt;
  readonly totalWeeks: number;
}

export interface ClosingPostView {
  readonly cohort: Cohort;
  readonly curriculumTitle: string;
  readonly totalWeeks: number;
  readonly top: readonly LeaderboardEntry[];
  readonly rankedMembers: number;
  /** False when the cohort's board is off: the post names nobody. */
  readonly boardOn: boolean;
  /** What the path says members can do afterwards (none for a cohort ended early: they did not get there). */
  readonly outcomes: readonly string[];
  /** Ended by an admin before its course was over: the last week it ran (0: before week 1). Null: the whole course ran. */
  readonly endedAfterWeek: number | null;
  /** Completion of each week (attached as a picture). */
  readonly course: CourseChartData;
}

export interface LeaderboardPostView {
  readonly cohort: Cohort;
  /** Null before the course starts. */
  readonly week: LeaderboardView | null;
  readonly allTime: LeaderboardView;
  /** The path has time estimates (points are minutes read); without (topics), each topic earns the same (`CohortContext.hasEstimates`). */
  readonly timed: boolean;
}

export interface SimulationRequest {
  /** A cohort (id or name) or a curriculum slug. */
  readonly target: string;
  readonly start?: string | undefined;
  readonly timeZone?: string | undefined;
  /** Only the posts of the first N weeks. */
  readonly weeks?: number | undefined;
  readonly now: Date;
}

export interface SimulationView {
  /** The cohort simulated: a stored one, or one made up from a curriculum and the defaults (id 0). */
  readonly cohort: Cohort;
  readonly fromDatabase: boolean;
  readonly curriculumTitle: string;
  readonly totalWeeks: number;
  readonly posts: readonly { readonly post: PlannedPost; readonly view: PostView }[];
}

export type PostView =
  | { readonly kind: "week"; readonly view: WeekPostView }
  | { readonly kind: "checkpoint"; readonly view: CheckpointPostView }
  | { readonly kind: "closing"; readonly view: ClosingPostView }
  | { readonly kind: "leaderboard"; readonly view: LeaderboardPostView };

/**
 * The data behind the cohort channel's posts: the weekly assignment, the
 * checkpoint prompts, the closing post and an on-demand leaderboard. The
 * scheduler, `/cohort announce`, `/cohort preview` and the `simulate` CLI all
 * read their posts from here, so they always agree.
 */
export class PostService {
  constructor(
    private readonly plans: PlanService,
    private readonly study: StudyService,
    private readonly cohorts: CohortRepository,
    private readonly curricula: CurriculumService,
    private readonly courseEnd: CourseEndService,
  ) {}

  /** Every post the cohort gets, in the order they fall due. */
  async schedule(cohort: Cohort): Promise<PlannedPost[]> {
    // Post times cost real work (time-zone arithmetic per post) and the scheduler asks every tick: PlanService keeps them.
    return [...(await this.plans.postsFor(cohort))];
  }

  /** Changes whenever post schedules computed before may be out of date (PlanService.generation). */
  get scheduleGeneration(): number {
    return this.plans.generation;
  }

  /** The cohort's plan with its posts: the same cached objects the scheduler works from. */
  async plannedCourse(cohort: Cohort): Promise<{ plan: CohortPlan; curriculum: PlanCurriculum; posts: readonly PlannedPost[] }> {
    const context = await this.plans.contextFor(cohort);
    return { plan: context.plan, curriculum: context.planCurriculum, posts: await this.plans.postsFor(cohort) };
  }

  /**
   * The view of one planned post, as it would be posted at `now`. `chartDrawnAt`: when its chart is taken to be
   * drawn (a preview draws it as at the post's time: days over by then are charted with what is logged now).
   */
  async viewOf(cohort: Cohort, post: PlannedPost, now: Date, chartDrawnAt: Date = now): Promise<PostView> {
    if (post.kind === "week") return { kind: "week", view: await this.weekView(cohort, post.weekNumber ?? 1, now, chartDrawnAt) };
    if (post.kind === "checkpoint") return { kind: "checkpoint", view: await this.checkpointView(cohort, post.sectionKey ?? "") };
    return { kind: "closing", view: await this.closingView(cohort, now) };
  }

  async weekView(cohort: Cohort, weekNumber: number, now: Date, chartDrawnAt: Date = now): Promise<WeekPostView> {
    const context = await this.plans.contextFor(cohort);
    const week = context.plan.weeks[weekNumber - 1];
    if (week === undefined || !Number.isInteger(weekNumber)) throw new UserError("input.invalidWeek", { total: context.plan.totalWeeks });
    const sectionKeys = new Set(week.sections.map((section) => section.key));
    const referenceCount = [...context.plan.referenceItemsBySection]
      .filter(([key]) => sectionKeys.has(key))
      .reduce((sum, [, items]) => sum + items.length, 0);
    const titleByKey = new Map(context.curriculum.sections.map((section) => [section.key, section.title]));
    const checkpoints = (await this.plans.postsFor(cohort))
      .filter((post) => post.kind === "checkpoint" && post.weekNumber === weekNumber)
      .map((post) => ({ sectionTitle: titleByKey.get(post.sectionKey ?? "") ?? "", dueAt: post.dueAt }));
    let lastWeek: WeekPostView["lastWeek"] = null;
    // The leaders of the last reading week: a break week has none.
    let previous = weekNumber - 1;
    while (context.breakWeeks.includes(previous)) previous -= 1;
    if (previous >= 1 && cohort.leaderboard !== CohortBoard.Off) {
      const board = await this.study.leaderboardOf(cohort, LeaderboardPeriod.Week, now, null, previous);
      lastWeek = { weekNumber: previous, top: weeklyTop(board.top) };
    }
    return {
      cohort,
      curriculumTitle: context.curriculum.title,
      week,
      totalWeeks: context.plan.totalWeeks,
      referenceCount,
      trackByItemId: new Map(
        [...context.itemsById.values()].flatMap((item) => (item.track === null ? [] : [[item.id, item.track] as const])),
      ),
      checkpoints,
      lastWeek,
      breakWeek: context.breakWeeks.includes(weekNumber) ? resumption(context.breakWeeks, context.plan.weeks, weekNumber) : null,
      // The chart of the same week as the leaders: the last reading week (a break week has nothing to chart).
      chart: previous >= 1 ? await this.study.weeklyChartOf(cohort, previous, chartDrawnAt) : null,
      board: await this.liveBoardView(cohort, weekNumber, now),
    };
  }

  /** The standing of week `weekNumber` as its weekly post's live part shows it; `weekOver`: its final edit. */
  async liveBoardView(cohort: Cohort, weekNumber: number, now: Date, weekOver = false): Promise<LiveBoardStandingsView> {
    const board = await this.study.leaderboardOf(cohort, LeaderboardPeriod.Week, now, null, weekNumber);
    return { cohort, weekNumber, setAside: false, board, weekOver };
  }

  /**
   * The top five part of week `weekNumber`'s post as it is to show now: the leaders of its last reading week
   * (read from the weekly scores, which a start or zone edit does not move); null when the week has none (week 1,
   * or only break weeks before it).
   */
  async postedWeekTop(cohort: Cohort, weekNumber: number, now: Date): Promise<PostedBoardView | null> {
    const context = await this.plans.contextFor(cohort);
    let previous = weekNumber - 1;
    while (context.breakWeeks.includes(previous)) previous -= 1;
    if (previous < 1) return null;
    const boardOn = cohort.leaderboard !== CohortBoard.Off;
    const top = boardOn ? weeklyTop((await this.study.leaderboardOf(cohort, LeaderboardPeriod.Week, now, null, previous)).top) : [];
    return { kind: "weekTop", cohort, weekNumber: previous, boardOn, top };
  }

  /** The closing post's final board as it is to show now (the kept board, each member as they choose now); null when none was kept. */
  async postedClosingBoard(cohort: Cohort): Promise<PostedBoardView | null> {
    const board = await this.courseEnd.finalBoard(cohort);
    if (board === null) return null;
    // Not board.keptPrivate: a post that went out with the board off has no board part to edit anyway, and the
    // flag is inferred for boards kept before it (parseBoard), which would misread one all of whose lines went.
    const boardOn = cohort.leaderboard !== CohortBoard.Off;
    const top = boardOn ? await this.study.keptFinalBoardNow(cohort, board) : [];
    return { kind: "closing", cohort, boardOn, top, rankedMembers: board.rankedMembers };
  }

  /** The board of a week a start edit moved: it shows no standings, so none are read. */
  setAsideBoardView(cohort: Cohort, weekNumber: number): SetAsideBoardView {
    return { cohort, weekNumber, setAside: true };
  }

  async checkpointView(cohort: Cohort, sectionKey: string): Promise<CheckpointPostView> {
    const context = await this.plans.contextFor(cohort);
    const section = context.curriculum.sections.find((candidate) => candidate.key === sectionKey);
    if (section === undefined || section.checkpoint === null) throw new UserError("posts.noCheckpoint");
    // Its weeks on the calendar (a break week moves them), out of the calendar's total.
    return {
      cohort,
      section: calendarSectionOf(context, section),
      prompt: checkpointPrompt(section, context.curriculum),
      totalWeeks: context.plan.totalWeeks,
    };
  }

  /** The closing post as it would look now (preview, simulate): the final board once kept, else the live one. */
  async closingView(cohort: Cohort, now: Date): Promise<ClosingPostView> {
    // Without points logged after the last week, as the closing post keeps it (StudyService.courseBoardOf).
    const board =
      (await this.courseEnd.finalBoard(cohort)) ?? (await this.study.courseBoardOf(cohort, now, await this.finalBoardLastWeek(cohort)));
    return this.closingViewWith(cohort, board);
  }

  /**
   * The closing post the scheduler sends: its board is kept as the final one
   * the first time (a retry, or another process, shows the same board), so
   * `/leaderboard` shows it unchanged afterwards. Its lines show each member
   * as they choose now, as a redraw does (postedClosingBoard): one who hid or
   * took an alias between the board's read and its keeping found no kept board
   * listing them, so no redraw follows their change.
   */
  async finalClosingView(cohort: Cohort, now: Date): Promise<ClosingPostView> {
    const kept = (await this.courseEnd.finalBoard(cohort)) ?? (await this.keepFinalBoard(cohort, now));
    const top = cohort.leaderboard === CohortBoard.Off ? kept.top : await this.study.keptFinalBoardNow(cohort, kept);
    return this.closingViewWith(cohort, { ...kept, top });
  }

  /** The all-time board as it stands now, kept as the final one unless another process kept one first; the one kept. */
  private async keepFinalBoard(cohort: Cohort, now: Date): Promise<FinalBoard> {
    const lastWeek = await this.finalBoardLastWeek(cohort);
    const live = await this.study.finalLeaderboardOf(cohort, now, lastWeek);
    const board = { top: live.top, rankedMembers: live.rankedMembers, keptPrivate: !live.boardOn };
    return this.courseEnd.keepFinalBoard(cohort, board, lastWeek);
  }

  private async finalBoardLastWeek(cohort: Cohort): Promise<number> {
    return this.courseEnd.finalBoardLastWeek(cohort, await this.plans.calendarWeeks(cohort));
  }

  /** After the closing post went out (or was skipped): the cohort is finished (its boards' final edits still due after `finalEditsAfter` are still made). */
  async finishCourse(cohort: Cohort, now: Date, finalEditsAfter: Date): Promise<void> {
    // No closing post is drawn here: keep the board only, without the aliases drawing it may assign (keptFinalBoardNow).
    if ((await this.courseEnd.finalBoard(cohort)) === null) await this.keepFinalBoard(cohort, now);
    await this.courseEnd.finish(cohort, await this.plans.contextFor(cohort), finalEditsAfter, now);
  }

  private async closingViewWith(cohort: Cohort, board: FinalBoard): Promise<ClosingPostView> {
    const context = await this.plans.contextFor(cohort);
    const endedAfterWeek = endedAfterWeekOf(cohort, context);
    return {
      cohort,
      curriculumTitle: context.curriculum.title,
      totalWeeks: context.plan.totalWeeks,
      top: board.top,
      rankedMembers: board.rankedMembers,
      // A board kept while the cohort's was off went out with no board: drawn again, it shows none either.
      boardOn: cohort.leaderboard !== CohortBoard.Off && board.keptPrivate !== true,
      outcomes: endedAfterWeek === null ? context.curriculum.outcomes : [],
      endedAfterWeek,
      course: await this.study.courseChartOf(cohort),
    };
  }

  async leaderboardView(cohort: Cohort, now: Date): Promise<LeaderboardPostView> {
    if (cohort.leaderboard === CohortBoard.Off) throw new UserError("posts.boardOff", { name: cohort.name });
    const context = await this.plans.contextFor(cohort);
    const current = currentWeekNumber(context.plan, now);
    const week =
      current === 0
        ? null
        : await this.study.leaderboardOf(cohort, LeaderboardPeriod.Week, now, null, Math.min(current, context.plan.totalWeeks));
    // Past the last calendar week (before the closing post): the course's reading only, as the final board will rank it.
    const allTime =
      current > context.plan.totalWeeks
        ? await this.study.courseBoardOf(cohort, now, await this.finalBoardLastWeek(cohort))
        : await this.study.leaderboardOf(cohort, LeaderboardPeriod.All, now, null);
    return { cohort, week, allTime, timed: context.hasEstimates };
  }

  /** Whether the cohort's first day has come, in its zone: before it there is no current checkpoint to announce. */
  async courseStarted(cohort: Cohort, now: Date): Promise<boolean> {
    return currentWeekNumber((await this.plans.contextFor(cohort)).plan, now) >= 1;
  }

  /**
   * Whether the scheduler's post of week 1's assignment has fallen due: it goes out on the announce day on or
   * before the first day, so `/cohort announce kind:week` may post it from then, even before the course starts.
   */
  async firstWeekPostDue(cohort: Cohort, now: Date): Promise<boolean> {
    const firstWeekPost = (await this.schedule(cohort)).find((post) => post.kind === "week");
    return firstWeekPost !== undefined && firstWeekPost.dueAt.getTime() <= now.getTime();
  }

  /** The week `/cohort announce kind:week` posts: the current one (week 1 until the course starts, the last after the end). */
  async currentWeek(cohort: Cohort, now: Date): Promise<number> {
    const context = await this.plans.contextFor(cohort);
    return Math.min(Math.max(currentWeekNumber(context.plan, now), 1), context.plan.totalWeeks);
  }

  /**
   * The section whose checkpoint is current: the first one (in final-week
   * order) that has not finished before this week; after the course, the last.
   */
  async currentCheckpointSection(cohort: Cohort, now: Date): Promise<string> {
    const context = await this.plans.contextFor(cohort);
    const week = currentWeekNumber(context.plan, now);
    // Section ranges in calendar weeks (break weeks counted), like `week`.
    const calendarRange = new Map(context.planCurriculum.sections.map((section) => [section.key, section]));
    const withCheckpoint = context.curriculum.sections
      .filter((section) => section.checkpoint !== null && section.checkpoint.trim() !== "")
      .map((section) => ({
        section,
        lastWeek: sectionWeekRange(calendarRange.get(section.key) ?? section, context.plan.totalWeeks).lastWeek,
      }))
      .sort((a, b) => a.lastWeek - b.lastWeek || a.section.position - b.section.position);
    const current = withCheckpoint.find((entry) => entry.lastWeek >= week) ?? withCheckpoint.at(-1);
    if (current === undefined) throw new UserError("posts.noCheckpoint");
    return current.section.key;
  }

  /**
   * The week `/cohort preview` shows by default: the one whose assignment is posted next, by the rule /cohort info
   * names it with (catchUpRule.postsStillToCome; `rows` by postRowKey), the last once all are out.
   */
  async nextWeekToPost(cohort: Cohort, rows: ReadonlyMap<string, PostRowState>, now: Date): Promise<number> {
    const weekPosts = (await this.schedule(cohort)).filter((post) => post.kind === "week");
    const next = postsStillToCome(weekPosts, rows, now)[0] ?? weekPosts.at(-1);
    return next?.weekNumber ?? 1;
  }
  /**
   * Every post a cohort would get, with its content, without Discord: the
   * dry run behind `npm run cli -- simulate`. `start` and `timeZone` override
   * the cohort's settings (or the defaults for a curriculum); posts are
   * rendered as of their own due time.
   */
  async simulation(request: SimulationRequest): Promise<SimulationView> {
    const target = request.target.trim();
    // The zone rule of /cohort create: no "EST" (Panama), canonical spelling.
    const typedZone = request.timeZone === undefined ? undefined : typedTimeZone(request.timeZone);
    let cohort: Cohort | null = null;
    const targetId = rowIdOf(target);
    if (targetId !== null) cohort = await this.cohorts.findById(targetId);
    if (cohort === null) {
      const named = await this.cohorts.listByNameAnywhere(target);
      if (named.length > 1)
        throw new UserError("posts.simulationAmbiguous", {
          cohorts: named.map((entry) => `${entry.id} (${entry.name}, server ${entry.guildId})`),
        });
      cohort = named[0] ?? null;
    }
    const fromDatabase = cohort !== null;
    if (cohort === null) {
      const curriculum = await this.curricula.show(target, null);
      if (curriculum === null) throw new UserError("posts.simulationUnknown", { value: echoedValue(target) });
      const today = localDateOf(request.now, typedZone ?? DEFAULT_COHORT_SETTINGS.timeZone);
      cohort = {
        id: 0,
        guildId: "",
        channelId: "",
        name: `${curriculum.title} (simulation)`,
        language: "en",
        leaderboard: CohortBoard.Names,
        excludeRoleId: null,
        exclusionsCheckedAt: null,
        finalBoardKept: false,
        courseWeeks: null,
        curriculumId: curriculum.id,
        status: CohortStatus.Active,
        endedAt: null,
        optionalFrom: null,
        channelProblem: null,
        createdAt: request.now,
        breakWeeks: [],
        // Defaults: starts the first Monday from today.
        settings: { ...DEFAULT_COHORT_SETTINGS, startDate: latestWeekdayOnOrBefore(addDays(today, 6), 1) },
      };
    }
    const startDate = request.start === undefined ? cohort.settings.startDate : parseLocalDate(request.start);
    if (startDate === null) throw invalidDateError(String(request.start));
    const timeZone = typedZone ?? cohort.settings.timeZone;
    cohort = { ...cohort, settings: { ...cohort.settings, startDate, timeZone } };
    const context = await this.plans.contextFor(cohort);
    // What /cohort create refuses cannot be planned here either: its dates would run past the year 9999.
    const calendarWeeks = context.plan.totalWeeks + cohort.breakWeeks.length;
    if (!courseFitsCalendar(startDate, calendarWeeks))
      throw new UserError("cohort.startTooFar", {
        start: { localDate: startDate },
        latest: { localDate: latestCourseStart(calendarWeeks) },
      });
    const weeks = request.weeks ?? context.plan.totalWeeks;
    if (!Number.isInteger(weeks) || weeks < 1) throw new UserError("input.invalidWeek", { total: context.plan.totalWeeks });
    const posts = (await this.schedule(cohort)).filter((post) =>
      post.kind === "closing" ? weeks >= context.plan.totalWeeks : (post.weekNumber ?? 0) <= weeks,
    );
    const simulated: { post: PlannedPost; view: PostView }[] = [];
    for (const post of posts) simulated.push({ post, view: await this.viewOf(cohort, post, post.dueAt) });
    return { cohort, fromDatabase, curriculumTitle: context.curriculum.title, totalWeeks: context.plan.totalWeeks, posts: simulated };
  }
}
