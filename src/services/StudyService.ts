import type { Cohort, MemberRecord } from "../domain/cohort/cohortModel.js";
import { CohortStatus } from "../domain/cohort/cohortModel.js";
import type { StoredItem, StoredSection } from "../domain/curriculum/storedCurriculum.js";
import { dayInfo, type DayInfo } from "../domain/schedule/dayInfo.js";
import { currentWeekNumber } from "../domain/schedule/currentWeekNumber.js";
import type { AssignedItem, PlanWeek } from "../domain/schedule/scheduleTypes.js";
import { pointsForCompletion } from "../domain/scoring/pointsForCompletion.js";
import { competitionRank, rankStandings } from "../domain/scoring/rankStandings.js";
import { streak } from "../domain/scoring/streak.js";
import { studyDayGrid, type StudyGridWeek } from "../domain/scoring/studyDayGrid.js";
import { endOfLocalDay, localDateOf, startOfLocalDay } from "../domain/schedule/localTime.js";
import { completionShare, minutesRead } from "../domain/scoring/completionShare.js";
import type { CompletionRecord, CompletionRepository, ScoreRow } from "../db/repositories/CompletionRepository.js";
import { UserError } from "../errors.js";
import type { Logger } from "../logging/createLogger.js";
import { maxChoices, matchScore, type CohortService } from "./CohortService.js";
import type { CohortContext, PlanService } from "./PlanService.js";

export interface MemberRequest {
  readonly guildId: string;
  readonly userId: string;
  /** The `cohort` option, or null when left out. */
  readonly cohort: string | null;
  readonly now: Date;
}

export interface ItemStatus {
  readonly item: StoredItem;
  readonly assignedDate: string | null;
  readonly done: boolean;
}

export interface WeekProgress {
  readonly weekNumber: number;
  readonly done: number;
  readonly total: number;
}

export interface TodayView {
  readonly cohort: Cohort;
  readonly day: DayInfo;
  readonly totalWeeks: number;
  readonly items: readonly ItemStatus[];
  readonly overdue: readonly ItemStatus[];
  /** Minutes of today's items still to read. */
  readonly minutesLeft: number;
  readonly minutesTotal: number;
  readonly week: WeekProgress | null;
  readonly nextStudyDate: string | null;
}

export interface CompletionView {
  readonly cohort: Cohort;
  readonly item: StoredItem;
  readonly alreadyDone: boolean;
  readonly points: number;
  readonly onTime: boolean;
  readonly totalPoints: number;
  readonly streak: number;
  readonly required: { readonly done: number; readonly total: number };
}

export interface UndoView {
  readonly cohort: Cohort;
  readonly item: StoredItem;
  readonly pointsRemoved: number;
  readonly totalPoints: number;
}

export interface WeekView {
  readonly cohort: Cohort;
  readonly week: PlanWeek;
  readonly totalWeeks: number;
  readonly isCurrent: boolean;
  /** The cohort week now: 0 before the start, totalWeeks + 1 after the end. */
  readonly currentWeek: number;
  readonly doneItemIds: ReadonlySet<number>;
  readonly references: readonly StoredItem[];
}

export interface SectionProgress {
  readonly section: StoredSection;
  readonly done: number;
  readonly total: number;
}

export interface ProgressView {
  readonly cohort: Cohort;
  readonly member: MemberRecord;
  readonly required: { readonly done: number; readonly total: number };
  readonly minutesDone: number;
  readonly minutesTotal: number;
  readonly sections: readonly SectionProgress[];
  readonly streak: number;
  readonly points: number;
  readonly rank: number | null;
  readonly rankedMembers: number;
  /** The last four cohort weeks, day by day (the progress card's grid). */
  readonly studyWeeks: readonly StudyGridWeek[];
}

/** The weekly post's chart: one finished week of the cohort. */
export interface WeeklyChartData {
  readonly weekNumber: number;
  readonly startDate: string;
  /** Exclusive. */
  readonly endDate: string;
  /** Minutes the cohort read on each study day of the week. */
  readonly days: readonly { readonly date: string; readonly weekday: number; readonly minutes: number }[];
  /** Sections begun by the end of the week: how much of their assigned items the cohort completed by then, 0–100. */
  readonly sections: readonly { readonly title: string; readonly percent: number }[];
}

/** The closing post's chart: completion of each week's reading, 0–100, in course order. */
export interface CourseChartData {
  readonly weeks: readonly { readonly weekNumber: number; readonly percent: number }[];
}

/** Weeks of study days the progress card shows. */
const gridWeeks = 4;
/** Completions older than this cannot fall in the grid: their local dates are not worked out. */
const gridLookBackMs = (gridWeeks * 7 + 2) * 24 * 60 * 60 * 1000;

/** One `item` autocomplete choice: the Discord layer words its label. */
export interface ItemSuggestion {
  readonly itemId: number;
  readonly title: string;
  readonly done: boolean;
  readonly weekStart: number;
  readonly weekEnd: number;
}

export const LeaderboardPeriod = { Week: "week", All: "all" } as const;
export type LeaderboardPeriod = (typeof LeaderboardPeriod)[keyof typeof LeaderboardPeriod];

export interface LeaderboardEntry extends ScoreRow {
  readonly rank: number;
}

export interface LeaderboardView {
  readonly cohort: Cohort;
  readonly period: LeaderboardPeriod;
  readonly weekNumber: number | null;
  readonly top: readonly LeaderboardEntry[];
  /** The member who asked (null for the scheduler's posts); rank null without points. */
  readonly caller: { readonly displayName: string; readonly rank: number | null; readonly points: number } | null;
  readonly rankedMembers: number;
}

/** What members do: read today's plan, log and undo completions, see progress and rankings. */
export class StudyService {
  constructor(
    private readonly cohorts: CohortService,
    private readonly plans: PlanService,
    private readonly completions: CompletionRepository,
    private readonly logger: Logger,
  ) {}

  async today(request: MemberRequest): Promise<TodayView> {
    const { cohort, member } = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    const context = await this.plans.contextFor(cohort);
    const done = await this.doneSet(member.id);
    const day = dayInfo(cohort.settings, request.now);
    const statusOf = (assigned: AssignedItem): ItemStatus => ({
      item: itemOf(context, assigned.id),
      assignedDate: assigned.assignedDate,
      done: done.has(assigned.id),
    });
    const todays = (context.plan.dayByDate.get(day.localDate)?.items ?? []).map(statusOf);
    const overdue: ItemStatus[] = [];
    for (const [itemId, date] of context.plan.assignedDateByItemId) {
      if (date < day.localDate && !done.has(itemId)) {
        overdue.push({ item: itemOf(context, itemId), assignedDate: date, done: false });
      }
    }
    overdue.sort((a, b) => (a.assignedDate ?? "").localeCompare(b.assignedDate ?? "") || a.item.position - b.item.position);
    const week = context.plan.weeks[day.weekNumber - 1];
    const weekItems = week?.days.flatMap((planDay) => planDay.items) ?? [];
    const minutesOf = (status: ItemStatus) => status.item.minutes ?? 0;
    const nextStudyDate = [...context.plan.dayByDate.keys()].filter((date) => date > day.localDate).sort()[0] ?? null;
    return {
      cohort,
      day,
      totalWeeks: context.plan.totalWeeks,
      items: todays,
      overdue,
      minutesLeft: todays.filter((status) => !status.done).reduce((sum, status) => sum + minutesOf(status), 0),
      minutesTotal: todays.reduce((sum, status) => sum + minutesOf(status), 0),
      week:
        week === undefined
          ? null
          : { weekNumber: week.number, done: weekItems.filter((item) => done.has(item.id)).length, total: weekItems.length },
      nextStudyDate,
    };
  }

  async complete(request: MemberRequest & { readonly item: string }): Promise<CompletionView> {
    const { cohort, member } = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    if (cohort.status === CohortStatus.Ended) throw new UserError("cohort.ended", { name: cohort.name });
    const context = await this.plans.contextFor(cohort);
    const item = findItem(context, request.item);
    const assignedDate = context.plan.assignedDateByItemId.get(item.id) ?? null;
    const score = pointsForCompletion(item, request.now, assignedDate, cohort.settings.timeZone);
    const weekNumber = Math.max(0, dayInfo(cohort.settings, request.now).weekNumber);
    const { created, completion } = await this.completions.record({
      memberId: member.id,
      cohortId: cohort.id,
      itemId: item.id,
      completedAt: request.now,
      weekNumber,
      points: score.points,
      onTime: score.onTime,
    });
    if (created) {
      this.logger.info({ cohortId: cohort.id, memberId: member.id, itemId: item.id, points: completion.points }, "completion logged");
    }
    const all = await this.completions.listForMember(member.id);
    return {
      cohort,
      item,
      alreadyDone: !created,
      points: completion.points,
      onTime: completion.onTime,
      totalPoints: all.reduce((sum, row) => sum + row.points, 0),
      streak: streak(
        all.map((row) => row.completedAt),
        request.now,
        cohort.settings,
      ),
      required: requiredProgress(context, new Set(all.map((row) => row.itemId))),
    };
  }

  async undo(request: MemberRequest & { readonly item: string }): Promise<UndoView> {
    const { cohort, member } = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    // An ended cohort's final leaderboard is posted: its completions are frozen both ways.
    if (cohort.status === CohortStatus.Ended) throw new UserError("cohort.ended", { name: cohort.name });
    const context = await this.plans.contextFor(cohort);
    const item = findItem(context, request.item);
    const removed = await this.completions.remove(member.id, item.id, cohort.id, request.now);
    if (removed === null) throw new UserError("item.notDone", { title: item.title });
    this.logger.info({ cohortId: cohort.id, memberId: member.id, itemId: item.id, points: removed.points }, "completion undone");
    const all = await this.completions.listForMember(member.id);
    return { cohort, item, pointsRemoved: removed.points, totalPoints: all.reduce((sum, row) => sum + row.points, 0) };
  }

  async week(request: MemberRequest & { readonly weekNumber: number | null }): Promise<WeekView> {
    const { cohort, member } = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    const context = await this.plans.contextFor(cohort);
    const total = context.plan.totalWeeks;
    const current = currentWeekNumber(context.plan, request.now);
    const wanted = request.weekNumber ?? Math.min(Math.max(current, 1), total);
    const week = context.plan.weeks[wanted - 1];
    if (week === undefined || !Number.isInteger(wanted)) throw new UserError("input.invalidWeek", { total });
    const sectionKeys = new Set(week.sections.map((section) => section.key));
    const references = [...context.plan.referenceItemsBySection]
      .filter(([key]) => sectionKeys.has(key))
      .flatMap(([, items]) => items.map((item) => itemOf(context, item.id)));
    return {
      cohort,
      week,
      totalWeeks: total,
      isCurrent: wanted === current,
      currentWeek: current,
      doneItemIds: await this.doneSet(member.id),
      references,
    };
  }

  /** `targetUserId` lets a member look at someone else's progress in the same cohort. */
  async progress(request: MemberRequest & { readonly targetUserId: string | null }): Promise<ProgressView> {
    const { cohort, member } = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    const targetId = request.targetUserId ?? request.userId;
    const target = targetId === request.userId ? member : await this.cohorts.memberOf(cohort, targetId);
    const context = await this.plans.contextFor(cohort);
    const all = await this.completions.listForMember(target.id);
    const done = new Set(all.map((row) => row.itemId));
    const assigned = [...context.plan.assignedDateByItemId.keys()].map((id) => itemOf(context, id));
    const sections = context.curriculum.sections.map((section) => {
      const sectionItems = assigned.filter((item) => item.sectionId === section.id);
      return { section, done: sectionItems.filter((item) => done.has(item.id)).length, total: sectionItems.length };
    });
    const points = all.reduce((sum, row) => sum + row.points, 0);
    const { ahead, ranked } = await this.completions.standing(cohort.id, null, points);
    return {
      cohort,
      member: target,
      required: requiredProgress(context, done),
      minutesDone: assigned.filter((item) => done.has(item.id)).reduce((sum, item) => sum + (item.minutes ?? 0), 0),
      minutesTotal: assigned.reduce((sum, item) => sum + (item.minutes ?? 0), 0),
      sections: sections.filter((entry) => entry.total > 0),
      streak: streak(
        all.map((row) => row.completedAt),
        request.now,
        cohort.settings,
      ),
      points,
      rank: points > 0 && target.leftAt === null ? competitionRank(ahead) : null,
      rankedMembers: ranked,
      studyWeeks: studyGridOf(cohort, target, all, request.now),
    };
  }

  /** Last week's chart for the weekly post: grouped counts per study day and one for the sections, never the completions themselves. */
  async weeklyChartOf(cohort: Cohort, weekNumber: number): Promise<WeeklyChartData | null> {
    const context = await this.plans.contextFor(cohort);
    const week = context.plan.weeks[weekNumber - 1];
    if (week === undefined) return null;
    const zone = cohort.settings.timeZone;
    const minutesOf = (itemId: number) => context.itemsById.get(itemId)?.minutes ?? null;
    const days = [];
    for (const day of week.days) {
      const counts = await this.completions.countsByItem(cohort.id, {
        from: startOfLocalDay(day.date, zone),
        before: endOfLocalDay(day.date, zone),
      });
      days.push({ date: day.date, weekday: day.weekday, minutes: minutesRead(counts, minutesOf) });
    }
    const members = await this.cohorts.memberCount(cohort.id);
    const byEnd = await this.completions.countsByItem(cohort.id, { before: startOfLocalDay(week.endDate, zone) });
    const assigned = [...context.plan.assignedDateByItemId.keys()].map((id) => itemOf(context, id));
    const sections = context.curriculum.sections
      .filter((section) => section.weekStart <= weekNumber)
      .map((section) => ({ section, itemIds: assigned.filter((item) => item.sectionId === section.id).map((item) => item.id) }))
      .filter(({ itemIds }) => itemIds.length > 0)
      .map(({ section, itemIds }) => ({ title: section.title, percent: completionShare(byEnd, itemIds, members) }));
    return { weekNumber, startDate: week.startDate, endDate: week.endDate, days, sections };
  }

  /** The whole course's chart for the closing post: one grouped count. */
  async courseChartOf(cohort: Cohort): Promise<CourseChartData> {
    const context = await this.plans.contextFor(cohort);
    const members = await this.cohorts.memberCount(cohort.id);
    const counts = await this.completions.countsByItem(cohort.id);
    return {
      weeks: context.plan.weeks.map((week) => ({
        weekNumber: week.number,
        percent: completionShare(
          counts,
          week.days.flatMap((day) => day.items.map((item) => item.id)),
          members,
        ),
      })),
    };
  }

  async leaderboard(request: MemberRequest & { readonly period: LeaderboardPeriod }): Promise<LeaderboardView> {
    const { cohort, member } = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    return this.leaderboardOf(cohort, request.period, request.now, member);
  }

  /** Also used by the scheduler's posts (no caller there). */
  async leaderboardOf(
    cohort: Cohort,
    period: LeaderboardPeriod,
    now: Date,
    caller: MemberRecord | null,
    weekOverride?: number,
  ): Promise<LeaderboardView> {
    const weekNumber = period === LeaderboardPeriod.Week ? (weekOverride ?? Math.max(1, dayInfo(cohort.settings, now).weekNumber)) : null;
    const rows =
      weekNumber === null ? await this.completions.topAllTime(cohort.id, 10) : await this.completions.topOfWeek(cohort.id, weekNumber, 10);
    const top = rankStandings(rows);
    // The caller's rank and the ranked count come from one query (CompletionRepository.standing): the
    // board walk behind each is the expensive part of a /leaderboard on a large cohort.
    const points =
      caller === null
        ? 0
        : weekNumber === null
          ? await this.completions.totalPoints(caller.id)
          : await this.completions.weekPoints(caller.id, weekNumber);
    const { ahead, ranked } = await this.completions.standing(cohort.id, weekNumber, points);
    const callerView: LeaderboardView["caller"] =
      caller === null ? null : { displayName: caller.displayName, rank: points <= 0 ? null : competitionRank(ahead), points };
    return { cohort, period, weekNumber, top, caller: callerView, rankedMembers: ranked };
  }

  /** Autocomplete for `item`: today's and overdue items first, then the rest, best matches first. */
  async suggestItems(request: MemberRequest & { readonly query: string; readonly onlyDone?: boolean }): Promise<ItemSuggestion[]> {
    let resolved;
    try {
      resolved = await this.cohorts.resolveForMember(request.guildId, request.userId, request.cohort);
    } catch (error) {
      if (error instanceof UserError) return [];
      throw error;
    }
    const { cohort, member } = resolved;
    const context = await this.plans.contextFor(cohort);
    const done = await this.doneSet(member.id);
    const today = dayInfo(cohort.settings, request.now).localDate;
    const candidates: { item: StoredItem; priority: number; score: number }[] = [];
    for (const item of context.itemsById.values()) {
      if (request.onlyDone === true ? !done.has(item.id) : false) continue;
      const score = matchScore(item.title, request.query);
      if (score < 0) continue;
      const date = context.plan.assignedDateByItemId.get(item.id);
      const priority = date === undefined ? 0 : date === today ? 3 : date < today && !done.has(item.id) ? 2 : 1;
      candidates.push({ item, priority, score });
    }
    candidates.sort((a, b) => b.score - a.score || b.priority - a.priority || a.item.position - b.item.position);
    // Rank by match first only when the user typed something; otherwise today's and overdue lead.
    if (request.query.trim() === "") candidates.sort((a, b) => b.priority - a.priority || a.item.position - b.item.position);
    const sections = new Map(context.curriculum.sections.map((section) => [section.id, section]));
    return candidates.slice(0, maxChoices).map(({ item }) => {
      const section = sections.get(item.sectionId);
      return {
        itemId: item.id,
        title: item.title,
        done: done.has(item.id),
        weekStart: section?.weekStart ?? 0,
        weekEnd: section?.weekEnd ?? 0,
      };
    });
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

function requiredProgress(context: CohortContext, done: ReadonlySet<number>): { done: number; total: number } {
  const required = [...context.itemsById.values()].filter((item) => item.kind === "Required");
  return { done: required.filter((item) => done.has(item.id)).length, total: required.length };
}

/**
 * The `item` option: an id chosen from autocomplete, or a title typed by hand.
 * Only items of this cohort's curriculum are found, whatever value is sent.
 */
export function findItem(context: CohortContext, raw: string): StoredItem {
  const value = raw.trim();
  if (/^\d{1,15}$/.test(value)) {
    const byId = context.itemsById.get(Number(value));
    if (byId !== undefined) return byId;
  }
  const wanted = value
    .replace(/^✓\s*/, "")
    .replace(/\s·\s.*$/, "")
    .toLowerCase();
  const matches = [...context.itemsById.values()].filter((item) => item.title.toLowerCase() === wanted);
  const [first] = matches;
  if (first === undefined) throw new UserError("item.unknown", { value: value.slice(0, 100) });
  if (matches.length > 1) {
    const sections = new Map(context.curriculum.sections.map((section) => [section.id, section]));
    throw new UserError("item.ambiguous", {
      choices: matches.map((item) => {
        const section = sections.get(item.sectionId);
        return {
          title: item.title,
          sectionTitle: section?.title ?? "",
          weekStart: section?.weekStart ?? 0,
          weekEnd: section?.weekEnd ?? 0,
        };
      }),
    });
  }
  return first;
}

function studyGridOf(cohort: Cohort, member: MemberRecord, completions: readonly CompletionRecord[], now: Date): StudyGridWeek[] {
  const zone = cohort.settings.timeZone;
  const since = now.getTime() - gridLookBackMs;
  const activeDates = new Set(
    completions.filter((row) => row.completedAt.getTime() >= since).map((row) => localDateOf(row.completedAt, zone)),
  );
  return studyDayGrid({
    activeDates,
    today: localDateOf(now, zone),
    startDate: cohort.settings.startDate,
    studyDays: cohort.settings.studyDays,
    joinedDate: localDateOf(member.joinedAt, zone),
    weeks: gridWeeks,
  });
}
