import {
  CheckpointAnswerKind,
  CohortStatus,
  cohortStandingMoment,
  takesCheckpointAnswers,
  type Cohort,
} from "../domain/cohort/cohortModel.js";
import { courseEndDate, ownCourseEndDate } from "../domain/schedule/cohortBreaks.js";
import { addDays, epochDayOfLocalDate, isValidTimeZone, localDateOf, startOfLocalDay } from "../domain/schedule/localTime.js";
import { memberDateOf, memberDayStart, memberTimeZone } from "../domain/schedule/memberDay.js";
import type { PlannedPost } from "../domain/schedule/scheduleTypes.js";
import { quietSinceDate, requiredItemsDueInputs, requiredItemsDueOf, type RequiredItemDue } from "../domain/schedule/requiredItemsDue.js";
import { shareInFlight } from "../shared/shareInFlight.js";
import { daysOffUntil } from "../domain/schedule/memberPlan.js";
import { rosterStanding } from "../domain/schedule/memberStatus.js";
import { checkpointStanding, latestCheckpointKeys } from "../domain/schedule/latestCheckpoints.js";
import type { MemberRecord } from "../domain/cohort/cohortModel.js";
import type { MemberRepository } from "../db/repositories/MemberRepository.js";
import type { ScheduledPostRepository } from "../db/repositories/ScheduledPostRepository.js";
import { checkpointPostPeriod } from "../domain/schedule/plannedPosts.js";
import {
  RosterGroup,
  type ConfidenceRow,
  type MemberName,
  type RosterBasis,
  type RosterCompletion,
  type RosterPageAnchor,
  type RosterRepository,
  type RosterRow,
  rosterGroupOrder,
} from "../db/repositories/RosterRepository.js";
import { namesakeOrdinals } from "../domain/text/namesakeOrdinals.js";
import { nameKeyOf } from "../domain/text/plainUserText.js";
import { UserError } from "../errors.js";
import type { CohortInfoExtension } from "./CohortInfoService.js";
import { breakCalendarOf } from "./CourseEndService.js";
import type { CohortService } from "./CohortService.js";
import type { MemberPlanService } from "./MemberPlanService.js";
import type { CohortContext, PlanService } from "./PlanService.js";

export { RosterGroup, rosterGroupOrder, type MemberName, type RosterPageAnchor } from "../db/repositories/RosterRepository.js";

/** `/cohort roster filter:`; `all` lists every group. */
export const RosterFilter = { All: "all", Behind: "behind", Quiet: "quiet", NotYet: "not_yet" } as const;
export type RosterFilter = (typeof RosterFilter)[keyof typeof RosterFilter];

export function isRosterFilter(value: string): value is RosterFilter {
  return (Object.values(RosterFilter) as string[]).includes(value);
}

/**
 * Members per roster page. Discord allows 25 buttons on a message: up to 20
 * Nudge buttons (four rows) and a row for the page buttons.
 */
export const rosterPageSize = 20;

export interface AnswerCounts {
  readonly confident: number;
  readonly partly: number;
  readonly notYet: number;
}

export interface RosterMemberView {
  readonly memberId: number;
  readonly userId: string;
  readonly displayName: string;
  readonly group: RosterGroup;
  /** Due Required items not done, and their minutes: the pace. */
  readonly behindItems: number;
  readonly behindMinutes: number;
  readonly lastCompletedAt: Date | null;
  readonly streak: number;
  readonly answers: AnswerCounts;
  /** The checkpoints posted at the latest posting moment: how many, and how many the member answered "Not yet". */
  readonly latestCheckpoints: LatestCheckpointCounts;
  /** On days off today (their `/break`, a cohort break week): the last of them, in the member's day. */
  readonly daysOffUntil: string | null;
  /** Behind or quiet, not on days off, and taking nudges: the Nudge button is offered. */
  readonly nudgeable: boolean;
  /** Would be offered a Nudge but turned nudges off (`/privacy nudges:off`): no button, as it could only be refused. */
  readonly nudgesOff: boolean;
}

export interface LatestCheckpointCounts {
  readonly total: number;
  /** Answered "Not yet": more than none lists the member under Not yet (`isPending`) unless behind or quiet. */
  readonly notYet: number;
}

/** Whether a Nudge is wanted for a member now, as the roster would list them now (a roster page may be old). */
export interface NudgeStanding {
  /** Behind or quiet, and not on days off. */
  readonly wanted: boolean;
  /** On days off today: the last of them. */
  readonly daysOffUntil: string | null;
  /** Every Required item done. */
  readonly finished: boolean;
  /** The path has time estimates (readings); without (topics): `CohortContext.hasEstimates`. */
  readonly timed: boolean;
  /** The member's course is over (MemberPlanning.daysOver): nobody is nudged to read any more. */
  readonly courseOver: boolean;
  /** Titles of the latest posting's checkpoints the member has not answered, in curriculum order. */
  readonly unansweredCheckpoints: readonly string[];
}

/**
 * How the Discord layer labels a namesake ("Sam #1") from a name key (`nameKeyOf`) and a number: the service
 * words nothing itself, it only asks whose names read like the labels the numbering will try (`namesToNumber`).
 */
export type NamesakeLabel = (nameKey: string, ordinal: number) => string;

export interface RosterView {
  readonly cohort: Cohort;
  /**
   * The names a page's namesake numbering needs, in join order, read right after the page: every current
   * member sharing a page member's shown name, and those whose names read like a label it tries ("Sam #1"), so a
   * shared name is numbered over the whole cohort, the same on every page, without reading every name.
   */
  readonly cohortNames: readonly MemberName[];
  readonly filter: RosterFilter;
  /** 0-based: the members listed before this page, in pages (members joining or leaving between clicks move no one). */
  readonly page: number;
  readonly pageCount: number;
  /** Members the filter lists before this page, and after it: the ◀ and ▶ buttons. */
  readonly hasPrevious: boolean;
  readonly hasNext: boolean;
  readonly counts: Readonly<Record<RosterGroup, number>>;
  readonly members: readonly RosterMemberView[];
  /** The path has time estimates (readings); without (topics): `CohortContext.hasEstimates`. */
  readonly timed: boolean;
}

/** One section of the confidence map: answers split by whether the member is behind. */
export interface ConfidenceSection {
  readonly sectionTitle: string;
  readonly onTrack: AnswerCounts;
  readonly behind: AnswerCounts;
}

const filterGroups: Record<RosterFilter, RosterGroup | null> = {
  all: null,
  behind: RosterGroup.Behind,
  quiet: RosterGroup.Quiet,
  not_yet: RosterGroup.NotYet,
};

const noAnswers: AnswerCounts = { confident: 0, partly: 0, notYet: 0 };

function countAnswers(answers: Iterable<string>): AnswerCounts {
  let confident = 0;
  let partly = 0;
  let notYet = 0;
  for (const answer of answers) {
    if (answer === CheckpointAnswerKind.Confident) confident += 1;
    else if (answer === CheckpointAnswerKind.Partly) partly += 1;
    else if (answer === CheckpointAnswerKind.NotYet) notYet += 1;
  }
  return { confident, partly, notYet };
}

/** Adds up counted answer rows (answers a newer version may write aside). */
function sumAnswers(rows: readonly { readonly answer: string; readonly count: number }[]): AnswerCounts {
  const counts = { confident: 0, partly: 0, notYet: 0 };
  for (const row of rows) {
    if (row.answer === CheckpointAnswerKind.Confident) counts.confident += row.count;
    else if (row.answer === CheckpointAnswerKind.Partly) counts.partly += row.count;
    else if (row.answer === CheckpointAnswerKind.NotYet) counts.notYet += row.count;
  }
  return counts;
}

/**
 * What facilitators see of their members: `/cohort roster` (groups, pages,
 * who to nudge) and the confidence map of `/cohort info`. The aggregation is
 * the database's; only a page's members are looked at one by one.
 */
export class RosterService {
  private readonly requiredByPlan = new WeakMap<object, ExtendedPlans>();
  /** `requiredOf` builds in progress by cohort plan: concurrent rosters of one plan share them. */
  private readonly requiring = new Map<object, Promise<ExtendedPlans>>();

  constructor(
    private readonly cohorts: CohortService,
    private readonly plans: PlanService,
    private readonly memberPlans: MemberPlanService,
    private readonly rows: RosterRepository,
    private readonly members: MemberRepository,
    private readonly posts: ScheduledPostRepository,
  ) {}

  async roster(request: {
    readonly guildId: string;
    readonly cohort: string | null;
    readonly filter: RosterFilter;
    /** Where the page starts: the top for the command, a row's key for the ◀ ▶ buttons. */
    readonly anchor: RosterPageAnchor;
    readonly now: Date;
    /** The labels the page's namesakes would get: the names that read like them are read too. */
    readonly namesakeLabel: NamesakeLabel;
  }): Promise<RosterView> {
    const cohort = await this.cohorts.resolveInGuild(request.guildId, request.cohort);
    const { context, basis } = await this.basisAt(cohort, request.now);
    const group = filterGroups[request.filter];
    let read = await this.rows.page(basis, group, rosterPageSize, request.anchor);
    // Nothing left past the button's row (members left or moved since it was drawn): the last page instead;
    // nothing before it: the first; fewer than a page before it (members left or moved up): the first page, whole.
    const shortBefore = request.anchor.kind === "before" && read.rows.length < rosterPageSize && read.total > read.rows.length;
    if (shortBefore || (read.rows.length === 0 && read.total > 0))
      read = await this.rows.page(basis, group, rosterPageSize, request.anchor.kind === "before" ? { kind: "first" } : { kind: "last" });
    const { counts, total, before, rows } = read;
    // Pages counted from where this one stands: the members before it in pages of 20, this one, those after it.
    const page = Math.ceil(before / rosterPageSize);
    const pageCount = page + 1 + Math.ceil(Math.max(0, total - before - rows.length) / rosterPageSize);
    const members = await this.describe(rows, cohort, basis, request.now);
    // A namesake leaving or renamed between the two reads can leave the page's numbers one off until the next click.
    const names = await namesToNumber(rows, request.namesakeLabel, (keys) => this.rows.namesWithKeys(cohort.id, keys));
    return {
      cohort,
      cohortNames: names,
      filter: request.filter,
      page,
      pageCount,
      hasPrevious: before > 0 && rows.length > 0,
      hasNext: before + rows.length < total,
      counts,
      members,
      timed: context.hasEstimates,
    };
  }

  /**
   * The names a Nudge's answer numbers `member`'s by, as the roster does (`namesToNumber`), in join order: on the
   * roster's read worker like a roster page (off the event loop), on the main thread (MemberRepository.namesWithKeys)
   * only while that worker cannot serve, so a Nudge still works when it is down.
   */
  memberNames(cohort: Cohort, member: MemberName, label: NamesakeLabel): Promise<MemberName[]> {
    return namesToNumber([member], label, (keys) =>
      this.rows.namesWithKeysOr(cohort.id, keys, () => this.members.namesWithKeys(cohort.id, keys)),
    );
  }

  /**
   * A member's standing now, by the rules of the roster's groups applied to
   * their own plan (`rosterStanding`, which the roster's SQL is held to):
   * the Nudge button checks it again when pressed.
   */
  async nudgeStanding(cohort: Cohort, memberId: number, now: Date): Promise<NudgeStanding | null> {
    const [member] = await this.members.findManyByIds([memberId]);
    if (member === undefined || member.cohortId !== cohort.id) return null;
    const planning = await this.memberPlans.planFor(cohort, member, now);
    const [completionsById, answers, latestIds] = await Promise.all([
      this.rows.completionRows([member.id]),
      this.rows.answers([member.id]),
      this.latestCheckpointIds(cohort, planning.context, now),
    ]);
    const completions = completionsById.get(member.id) ?? [];
    const unanswered = new Set(checkpointStanding(latestIds, answers.get(member.id) ?? new Map()).unanswered);
    // The member's standing day: today, or once their days are over (cohort ended, course finished) their end's.
    const standing = rosterStanding(planning.plan, new Set(completions.map((row) => row.itemId)), planning.standingDay);
    const quietSince = quietSinceOf(cohort, planning.context, now, planning.breaks, planning.zone);
    const last = completions.at(-1)?.completedAt ?? null;
    // Quiet counts from the member's return when they came back: the days away are not theirs to log. Once their
    // own course is over there are no study days left to be quiet in (one who finishes late has until their own end).
    const quiet =
      !planning.daysOver &&
      quietSince !== null &&
      (member.returnedAt ?? member.joinedAt) < quietSince &&
      (last === null || last < quietSince);
    // As the roster's line shows it (`personalView`): once the member's days are over there is nothing to be off from.
    const offUntil = planning.daysOver ? null : daysOffUntil(planning.plan, planning.today);
    return {
      wanted: !planning.daysOver && !standing.finished && (standing.behind.items > 0 || quiet) && offUntil === null,
      daysOffUntil: offUntil,
      finished: standing.finished,
      timed: planning.context.hasEstimates,
      courseOver: planning.daysOver,
      unansweredCheckpoints: await this.answerableTitles(cohort, planning.context, unanswered),
    };
  }

  /**
   * The titles of these sections whose prompt did go out (its row sent: one the scheduler skipped or gave up on
   * is no prompt to answer), in curriculum order; none once the cohort's checkpoints take no more answers.
   */
  private async answerableTitles(cohort: Cohort, context: CohortContext, sectionIds: ReadonlySet<number>): Promise<string[]> {
    if (!takesCheckpointAnswers(cohort) || sectionIds.size === 0) return [];
    const sections = context.curriculum.sections.filter((section) => sectionIds.has(section.id));
    const periods = sections.map((section) => checkpointPostPeriod(section.key));
    const sent = await this.posts.sentPeriods(cohort.id, "checkpoint", periods);
    return sections.filter((section) => sent.has(checkpointPostPeriod(section.key))).map((section) => section.title);
  }

  /** The sections of the checkpoints posted at the latest posting moment up to the roster's standing moment. */
  private async latestCheckpointIds(cohort: Cohort, context: CohortContext, now: Date): Promise<number[]> {
    return latestCheckpointIdsOf(context, await this.plans.postsFor(cohort), cohortStandingMoment(cohort, now));
  }

  /** /cohort info's confidence map: per section with a checkpoint, Confident / Partly / Not yet, on track and behind. */
  confidenceInfo(): CohortInfoExtension {
    return async (cohort, context, now) => {
      if (!(await this.rows.hasAnswers(cohort.id))) return [];
      const rows = await this.rows.confidence(await this.basisFor(cohort, context, await this.plans.postsFor(cohort), now));
      if (rows.length === 0) return [];
      // Grouped once: up to 520 sections each filtering every row would be sections × rows on the event loop.
      const bySection = new Map<number, ConfidenceRow[]>();
      for (const row of rows) {
        const own = bySection.get(row.sectionId);
        if (own === undefined) bySection.set(row.sectionId, [row]);
        else own.push(row);
      }
      const sections = context.curriculum.sections.flatMap((section): ConfidenceSection[] => {
        const own = bySection.get(section.id);
        if (own === undefined) return [];
        // Rows are already counts (a few per section): sum them, never one entry per member.
        const split = (behind: boolean) => sumAnswers(own.filter((row) => row.behind === behind));
        return [{ sectionTitle: section.title, onTrack: split(false), behind: split(true) }];
      });
      return [{ kind: "confidenceMap", sections }];
    };
  }

  /** The cohort's plan and the aggregation's basis at `now`. */
  async basisAt(cohort: Cohort, now: Date): Promise<{ context: CohortContext; basis: RosterBasis }> {
    const context = await this.plans.contextFor(cohort);
    return { context, basis: await this.basisFor(cohort, context, await this.plans.postsFor(cohort), now) };
  }

  /**
   * What the aggregation needs at `now`: the Required items' due days, each
   * member zone's day and the catch-up days (for every member's own plan),
   * since when silence is quiet, the checkpoints posted at the latest moment.
   */
  async basisFor(cohort: Cohort, context: CohortContext, posts: readonly PlannedPost[], now: Date): Promise<RosterBasis> {
    const zone = cohort.settings.timeZone;
    const at = cohortStandingMoment(cohort, now);
    // The post schedule is cached by the plan service: recomputing it for the 520-week maximum costs a noticeable moment.
    const quietSince = quietSinceOf(cohort, context, now);
    const [zones, caughtUp, extended, ownQuietSince] = await Promise.all([
      this.rows.memberZones(cohort.id),
      this.memberPlans.caughtUpPlans(cohort, context),
      this.requiredOf(context),
      this.ownQuietSince(cohort, context, quietSince, now),
    ]);
    const courseEnd = courseEndDate(breakCalendarOf(cohort, context));
    // A member's own course ends with the course's last day, or their plan's when it runs later.
    const endDayOf = (planEnd: string) => epochDayOfLocalDate(ownCourseEndDate(courseEnd, planEnd));
    const memberToday = (memberZone: string) => epochDayOfLocalDate(memberDateOf(at, memberZone));
    return {
      cohortId: cohort.id,
      required: extended.required,
      startDay: epochDayOfLocalDate(context.plan.startDate),
      today: memberToday(zone),
      // A stored zone the clock no longer knows: the member is read in the cohort's day.
      todayByZone: zones.filter(isValidTimeZone).map((memberZone) => ({ zone: memberZone, today: memberToday(memberZone) })),
      catchUps: [...caughtUp].flatMap(([memberId, entry]) => entry.dues.map((due) => ({ memberId, ...due }))),
      endDays: extended.endDates.map(endDayOf),
      ownEndDays: [...caughtUp].map(([memberId, entry]) => ({ memberId, endDay: endDayOf(entry.endDate) })),
      quietSince,
      ownQuietSince,
      latestCheckpointSectionIds: latestCheckpointIdsOf(context, posts, at),
    };
  }

  /**
   * The members whose own days off (`/break`) fall between the cohort's `quietSince` and the standing moment,
   * with the earlier `quietSince` those days give them (the epoch when they have not had the study days yet).
   */
  private async ownQuietSince(
    cohort: Cohort,
    context: CohortContext,
    quietSince: Date | null,
    now: Date,
  ): Promise<RosterBasis["ownQuietSince"]> {
    if (quietSince === null) return [];
    const zone = cohort.settings.timeZone;
    // Their dates are their own days: zones up to 26 h apart and the 04:00 rollover put a member's day up to
    // two days behind the cohort's and one ahead, so this window takes in every zone's.
    const from = addDays(localDateOf(quietSince, zone), -2);
    const daysOff = await this.rows.daysOffWithin(cohort.id, from, addDays(localDateOf(cohortStandingMoment(cohort, now), zone), 1));
    // Members often share their days off (a week's /break) and zone: each distinct pair is worked out once.
    const byDaysOff = new Map<string, Date>();
    return [...daysOff].flatMap(([memberId, { remindTimeZone, breaks }]) => {
      const memberZone = memberTimeZone(remindTimeZone, zone);
      const key = `${memberZone} ${breaks.map((days) => `${days.from}/${days.to}`).join(",")}`;
      let since = byDaysOff.get(key);
      if (since === undefined) {
        since = quietSinceOf(cohort, context, now, breaks, memberZone) ?? new Date(0);
        byDaysOff.set(key, since);
      }
      // Days off outside their window change nothing: the cohort's rule stands.
      return since.getTime() === quietSince.getTime() ? [] : [{ memberId, quietSince: since }];
    });
  }

  /**
   * `requiredItemsDue` of the cohort's plan, once per cached plan. Its five member plans (one per
   * extension) go through the plan service: a big cohort's are built on the plan worker, not here.
   */
  private async requiredOf(context: CohortContext): Promise<ExtendedPlans> {
    const known = this.requiredByPlan.get(context.plan);
    if (known !== undefined) return known;
    return shareInFlight(this.requiring, context.plan, async () => {
      const inputs = requiredItemsDueInputs(context.basePlan, context.breakWeeks);
      const plans = await Promise.all(inputs.map((input) => this.plans.memberPlan(context, input)));
      const extended = { required: requiredItemsDueOf(plans), endDates: plans.map((plan) => plan.endDate) };
      this.requiredByPlan.set(context.plan, extended);
      return extended;
    });
  }

  private async describe(rows: readonly RosterRow[], cohort: Cohort, basis: RosterBasis, now: Date): Promise<RosterMemberView[]> {
    const ids = rows.map((row) => row.memberId);
    const [records, completions, answers] = await Promise.all([
      this.members.findManyByIds(ids),
      this.rows.completionRows(ids),
      this.rows.answers(ids),
    ]);
    const recordById = new Map(records.map((record) => [record.id, record]));
    return Promise.all(
      rows.map(async (row) => {
        const own = answers.get(row.memberId) ?? new Map<number, string>();
        const latest = checkpointStanding(basis.latestCheckpointSectionIds, own);
        const record = recordById.get(row.memberId);
        const personal = await this.personalView(cohort, record, completions.get(row.memberId) ?? [], now);
        // An ended cohort takes no completions, a member whose course is over has nothing left to read (a
        // finished cohort's member who finishes late still has), and one on days off is not to be disturbed: no nudge.
        const wantsNudge =
          cohort.status !== CohortStatus.Ended &&
          !personal.courseOver &&
          (row.group === RosterGroup.Behind || row.group === RosterGroup.Quiet) &&
          personal.daysOffUntil === null;
        // The Nudge would only tell the admin the member turned nudges off: the line says it instead of a dead button.
        const takesNudges = record?.nudges !== false;
        return {
          memberId: row.memberId,
          userId: row.userId,
          displayName: row.displayName,
          group: row.group,
          behindItems: row.behindItems,
          behindMinutes: row.behindMinutes,
          lastCompletedAt: row.lastCompletedAt,
          streak: personal.streak,
          answers: own.size === 0 ? noAnswers : countAnswers(own.values()),
          latestCheckpoints: { total: latest.total, notYet: latest.notYet.length },
          daysOffUntil: personal.daysOffUntil,
          nudgeable: wantsNudge && takesNudges,
          nudgesOff: wantsNudge && !takesNudges,
        };
      }),
    );
  }

  /**
   * A page member's streak and days off in their own plan and day, as their
   * `/progress` and `/today` show them: their zone, their `/break` days and
   * the days `when:yesterday` logged for.
   */
  private async personalView(
    cohort: Cohort,
    member: MemberRecord | undefined,
    completions: readonly RosterCompletion[],
    now: Date,
  ): Promise<{ streak: number; daysOffUntil: string | null; courseOver: boolean }> {
    // A member deleted between the page's two reads: listed as the aggregation saw them.
    if (member === undefined) return { streak: 0, daysOffUntil: null, courseOver: false };
    const planning = await this.memberPlans.planFor(cohort, member, now);
    return {
      streak: this.memberPlans.streakOf(planning, completions, now).current,
      // Once the member's days are over (cohort ended, course finished) there is nothing to be off from.
      daysOffUntil: planning.daysOver ? null : daysOffUntil(planning.plan, planning.today),
      courseOver: planning.daysOver,
    };
  }
}

/**
 * Since when silence is quiet (`quietSinceDate`), on the cohort's day at the roster's standing moment (an
 * ended cohort's groups stand at its end: whoever was quiet then stays quiet). For a member with `/break` days
 * off in their window it is worked out on their own days, as those dates are (their `/remind` zone `memberZone`,
 * the 04:00 rollover), as `/today` tells them they are off; days off outside it leave the cohort's. Only for
 * members whose own course still runs at that moment (the roster's SQL and `nudgeStanding` check that): after
 * their own last study day (the course's, or their extension's) there are no study days left to be quiet in.
 */
export function quietSinceOf(
  cohort: Cohort,
  context: CohortContext,
  now: Date,
  daysOff: readonly { readonly from: string; readonly to: string }[] = [],
  memberZone: string = cohort.settings.timeZone,
): Date | null {
  const at = cohortStandingMoment(cohort, now);
  const zone = cohort.settings.timeZone;
  const cohortDate = quietSinceDate(context.plan, localDateOf(at, zone), context.breakWeeks);
  const cohortSince = cohortDate === null ? null : startOfLocalDay(cohortDate, zone);
  if (daysOff.length === 0) return cohortSince;
  const today = memberDateOf(at, memberZone);
  const own = quietSinceDate(context.plan, today, context.breakWeeks, daysOff);
  if (own === quietSinceDate(context.plan, today, context.breakWeeks)) return cohortSince;
  return own === null ? null : memberDayStart(own, memberZone);
}

/** `requiredItemsDue` and the exclusive end (`MemberPlan.endDate`) of each extended calendar, at index `x`. */
interface ExtendedPlans {
  readonly required: readonly RequiredItemDue[];
  readonly endDates: readonly string[];
}

/** The ids of the sections `latestCheckpointKeys` gives at `at` (a section a re-import removed is none). */
function latestCheckpointIdsOf(context: CohortContext, posts: readonly PlannedPost[], at: Date): number[] {
  const keys = new Set(latestCheckpointKeys(posts, at));
  return context.curriculum.sections.filter((section) => keys.has(section.key)).map((section) => section.id);
}

/** The largest number a roster key's part may be: the database compares them as 32-bit integers. */
const largestKeyPart = 2_147_483_647;

/** A key part of a button's id: a whole number the database can compare; NaN for anything else. */
function keyPart(raw: string | undefined): number {
  if (raw === undefined || !/^-?\d{1,10}$/.test(raw)) return NaN;
  const value = Number(raw);
  return Math.abs(value) <= largestKeyPart ? value : NaN;
}

/**
 * Where a ◀ / ▶ button's page starts, from its id's parts after the filter (`rosterAnchorArgs`); a button drawn
 * before the keys ("roster:<cohortId>:<filter>:<page>") is that page by position. Anything else (numbers past
 * what the database compares included) is an expired or forged button.
 */
export function parseRosterAnchor(args: readonly string[]): RosterPageAnchor {
  const [direction, group, minutes, items, memberId, nameKind, ...name] = args;
  if (args.length === 1) return { kind: "offset", offset: parsePage(direction) * rosterPageSize };
  const numbers = [group, minutes, items, memberId].map(keyPart);
  const [groupIndex = NaN, behindMinutes = NaN, behindItems = NaN, id = NaN] = numbers;
  const rosterGroup = rosterGroupOrder[groupIndex];
  if (
    (direction !== "before" && direction !== "after") ||
    rosterGroup === undefined ||
    numbers.some(Number.isNaN) ||
    (nameKind !== "n" && nameKind !== "p")
  )
    throw new UserError("generic.unknownButton");
  return {
    kind: direction,
    key: { group: rosterGroup, behindMinutes, behindItems, memberId: id, displayName: name.join(":"), namePrefix: nameKind === "p" },
  };
}

/** A page number from a button's custom id, whose rows the database can still count to; anything else is an expired or forged button. */
function parsePage(raw: string | undefined): number {
  const page = raw !== undefined && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(page * rosterPageSize <= largestKeyPart)) throw new UserError("generic.unknownButton");
  return page;
}

/**
 * The names `numberedNames` needs to label `shown` as it would over the whole cohort, in join order: the shown
 * members' namesakes (members with the same name key, `nameKeyOf`), and whoever's name reads like a label the
 * numbering tries ("Sam #1" is skipped when it is someone's name), read by key with `read`. A group of namesakes
 * is numbered up to its last shown member only: its labels are looked up, then, while some are taken, at least as
 * many more again, so a chain of taken labels ("Sam #1"…"Sam #k") costs O(log k) reads, and reads stay bounded by
 * the shown members' namesakes and (twice) the labels they try, not the cohort.
 */
export async function namesToNumber(
  shown: readonly MemberName[],
  label: NamesakeLabel,
  read: (keys: readonly string[]) => Promise<MemberName[]>,
): Promise<MemberName[]> {
  if (shown.length === 0) return [];
  const known = new Map<number, MemberName>();
  // Every name key read so far: a label is taken when it is one of them (once that label was looked up).
  const taken = new Set<string>();
  const learn = (names: readonly MemberName[]) => {
    for (const name of names) {
      if (known.has(name.memberId)) continue;
      known.set(name.memberId, name);
      taken.add(nameKeyOf(name.displayName));
    }
  };
  learn(await read([...new Set(shown.map((member) => nameKeyOf(member.displayName)))]));
  const needed = numbersNeeded([...known.values()], new Set(shown.map((member) => member.memberId)));
  const looked = new Map<string, number>();
  for (;;) {
    const labels = labelsToLookUp(needed, looked, label, taken);
    if (labels.length === 0) break;
    learn(await read(labels));
  }
  return [...known.values()].sort((a, b) => a.memberId - b.memberId);
}

/** Per name key that two or more of `namesakes` share: how many numbers it gives out up to its last shown member. */
function numbersNeeded(namesakes: readonly MemberName[], shownIds: ReadonlySet<number>): Map<string, number> {
  const groups = new Map<string, MemberName[]>();
  for (const name of [...namesakes].sort((a, b) => a.memberId - b.memberId)) {
    const key = nameKeyOf(name.displayName);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [name]);
    else group.push(name);
  }
  const needed = new Map<string, number>();
  for (const [key, members] of groups) {
    const last = members.findLastIndex((member) => shownIds.has(member.memberId));
    if (members.length >= 2 && last >= 0) needed.set(key, last + 1);
  }
  return needed;
}

/**
 * The labels to look up next (`looked`: how many numbers per key were; updated): none for a key whose numbers are
 * all known (`namesakeOrdinals`, with `taken` the name keys read so far), else the numbers still missing but at
 * least as many as already looked up. Each round re-counts the numbers looked up, which double: O(labels) in all.
 */
function labelsToLookUp(
  needed: ReadonlyMap<string, number>,
  looked: Map<string, number>,
  label: NamesakeLabel,
  taken: ReadonlySet<string>,
): string[] {
  const labels: string[] = [];
  for (const [key, count] of needed) {
    const done = looked.get(key) ?? 0;
    const known = (ordinal: number) => (ordinal <= done ? taken.has(label(key, ordinal)) : undefined);
    const { ordinals, unknownFrom } = namesakeOrdinals(count, known);
    if (unknownFrom === null) continue;
    const more = Math.max(count - ordinals.length, done);
    for (let ordinal = done + 1; ordinal <= done + more; ordinal += 1) labels.push(label(key, ordinal));
    looked.set(key, done + more);
  }
  return labels;
}
