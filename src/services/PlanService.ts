import { finishedCourseWeeks, type Cohort } from "../domain/cohort/cohortModel.js";
import type { StoredCurriculum, StoredItem, StoredSection } from "../domain/curriculum/storedCurriculum.js";
import { buildCohortPlan } from "../domain/schedule/buildCohortPlan.js";
import { requiredSlots } from "../domain/schedule/choiceSlots.js";
import { applyCohortBreaks, effectiveBreakWeeks, type CalendarPlan } from "../domain/schedule/cohortBreaks.js";
import { cohortPlannedPosts } from "../domain/schedule/plannedPosts.js";
import type { CohortPlan, CohortSettings, PlanCurriculum, PlanItem, PlannedPost } from "../domain/schedule/scheduleTypes.js";
import type { CurriculumRepository } from "../db/repositories/CurriculumRepository.js";
import { buildMemberPlan, type MemberPlan, type MemberPlanInput } from "../domain/schedule/memberPlan.js";
import { shareInFlight } from "../shared/shareInFlight.js";
import { WeightedLruCache } from "../shared/WeightedLruCache.js";

export interface CohortContext {
  readonly curriculum: StoredCurriculum;
  /** Sections with their week ranges in calendar weeks (break weeks counted). */
  readonly planCurriculum: PlanCurriculum;
  /** The cohort's plan in calendar weeks: break weeks present with no days, later dates moved (everything cohort-wide reads this). */
  readonly plan: CohortPlan;
  /** The plan for the unbroken calendar (`buildCohortPlan`): what `buildMemberPlan` takes with `breakWeeks`. */
  readonly basePlan: CohortPlan;
  readonly itemsById: ReadonlyMap<number, StoredItem>;
  /** The curriculum's `requiredSlots` (each Required item, each "choose one" group once): worked out once per version. */
  readonly requiredSlots: readonly (readonly number[])[];
  /** The cohort's break weeks that take effect (`effectiveBreakWeeks`), ascending, in calendar weeks. */
  readonly breakWeeks: readonly number[];
  /** What `basePlan` was built from: a member plan is built from it too (`PlanService.memberPlan`). */
  readonly planSource: PlanSource;
  /**
   * Whether the path gives its assigned items time estimates: a path without (the 36-week path's topics) counts topics,
   * not readings or minutes, wherever it is counted (Required progress, /progress's "Topics read", the weekly chart).
   * Worked out once per plan (planHasEstimates), not at each use.
   */
  readonly hasEstimates: boolean;
}

/** Whether any item `plan` assigns has an estimate: a walk over its items, made once per plan (PlanService.build). */
function planHasEstimates(plan: CohortPlan, itemsById: ReadonlyMap<number, StoredItem>): boolean {
  for (const id of plan.assignedDateByItemId.keys()) if ((itemsById.get(id)?.minutes ?? 0) > 0) return true;
  return false;
}

/** A plan item as stored; a "choose one" slot (`choiceSlots.ts`) is Required and lists its tracks. */
export type StoredPlanItem = StoredItem & { readonly choice?: readonly StoredItem[] };

export function storedPlanItem(context: Pick<CohortContext, "itemsById">, item: PlanItem): StoredPlanItem {
  const stored = context.itemsById.get(item.id);
  if (stored === undefined) throw new Error(`item ${item.id} is not in the cohort's curriculum`);
  if (item.choice === undefined) return stored;
  const choice = item.choice.flatMap((track) => {
    const found = context.itemsById.get(track.id);
    return found === undefined ? [] : [found];
  });
  return { ...stored, title: item.title, kind: item.kind, minutes: item.minutes, choice };
}

export function toPlanCurriculum(curriculum: StoredCurriculum): PlanCurriculum {
  return {
    totalWeeks: curriculum.totalWeeks,
    sections: curriculum.sections.map((section) => ({
      key: section.key,
      title: section.title,
      weekStart: section.weekStart,
      weekEnd: section.weekEnd,
      checkpoint: section.checkpoint,
      position: section.position,
      items: section.items.map((item) => ({
        id: item.id,
        key: item.key,
        title: item.title,
        kind: item.kind,
        minutes: item.minutes,
        sectionKey: section.key,
        position: item.position,
        group: item.group,
        track: item.track,
      })),
    })),
  };
}

/** A section with its weeks in calendar weeks (`planCurriculum`: a cohort break week moves every later week), as /week and the posts show them. */
export function calendarSectionOf(context: Pick<CohortContext, "planCurriculum">, section: StoredSection): StoredSection {
  const calendar = context.planCurriculum.sections.find((entry) => entry.key === section.key);
  return calendar === undefined ? section : { ...section, weekStart: calendar.weekStart, weekEnd: calendar.weekEnd };
}

/** What a cohort's unbroken plan is built from: `curriculumKey` names the curriculum and its version (equal keys, equal curricula). */
export interface PlanSource {
  readonly curriculumKey: string;
  readonly curriculum: PlanCurriculum;
  readonly settings: CohortSettings;
}

/** What a cohort's plan is built from. */
export interface PlanBuildInput extends PlanSource {
  /** Effective break weeks, ascending. */
  readonly breakWeeks: readonly number[];
}

/** What a member's plan is built from: `member.basePlan` is the plan of `PlanSource`. */
export interface MemberPlanBuildInput extends PlanSource {
  readonly member: MemberPlanInput;
}

/** A cohort's plan for the unbroken calendar, and in calendar weeks with its breaks. */
export interface BuiltPlan {
  readonly basePlan: CohortPlan;
  readonly calendar: CalendarPlan;
}

/** A built plan as the plan service keeps it, with what is worked out of it once (the key names the curriculum's version). */
interface CachedPlan extends BuiltPlan {
  readonly hasEstimates: boolean;
}

/** What a cohort's post schedule is worked out from: the dates only, no plan (`cohortPlannedPosts`). */
export type PostsInput = PlanBuildInput;

/**
 * Builds plans and post schedules on a cache miss. The app's builds big ones
 * off the event loop (src/workers/PlanBuildThread.ts); `inlinePlanBuilder`
 * builds on the caller's thread. Either gives what `buildPlanInline`,
 * `cohortPlannedPosts` and `buildMemberPlan` give.
 */
export interface PlanBuilder {
  build(input: PlanBuildInput): Promise<BuiltPlan>;
  posts(input: PostsInput): Promise<readonly PlannedPost[]>;
  /** What `buildMemberPlan(input.member)` gives. */
  memberPlan(input: MemberPlanBuildInput): Promise<MemberPlan>;
}

export function buildPlanInline({ curriculum, settings, breakWeeks }: PlanBuildInput): BuiltPlan {
  const basePlan = buildCohortPlan(curriculum, settings);
  return { basePlan, calendar: applyCohortBreaks(basePlan, curriculum, breakWeeks) };
}

export const inlinePlanBuilder: PlanBuilder = {
  build: (input) => Promise.resolve().then(() => buildPlanInline(input)),
  posts: ({ curriculum, settings, breakWeeks }) => Promise.resolve().then(() => cohortPlannedPosts(curriculum, settings, breakWeeks)),
  memberPlan: ({ member }) => Promise.resolve().then(() => buildMemberPlan(member)),
};

/** How much the plan service keeps, and how often it asks whether a curriculum changed. */
export interface PlanCacheLimits {
  /** A cached curriculum is trusted this long, then its version (source hash, last update) is read again. */
  readonly versionCheckMs: number;
  /** Loaded curricula, weighed by sections + items (the 256 KB maximum is about 6,500). */
  readonly curriculumWeight: number;
  /** Plans, weighed by study days + assigned items (the 12-week seed about 140, the 36-week one about 500). */
  readonly planWeight: number;
  /** Post schedules, weighed by posts (about 20 per cohort on the 12-week seed). */
  readonly scheduleWeight: number;
}

/**
 * Sized for about 10,000 cohorts: every cohort's post schedule (the scheduler
 * reads them all on every tick) and the plans of a few thousand, roughly
 * 150 bytes per unit of weight, 100 MB at most when everything is full.
 */
export const defaultPlanCacheLimits: PlanCacheLimits = {
  versionCheckMs: 30_000,
  curriculumWeight: 60_000,
  planWeight: 400_000,
  scheduleWeight: 300_000,
};

/** What plans of `curriculumId` at its cached version with `settings` are built from (the key names the version). */
function planSourceOf(curriculumId: number, cached: CachedCurriculum, settings: CohortSettings): PlanSource {
  return { curriculumKey: `${curriculumId}|${cached.version}`, curriculum: cached.planCurriculum, settings };
}

interface CachedCurriculum {
  readonly version: string;
  checkedAt: number;
  readonly curriculum: StoredCurriculum;
  readonly planCurriculum: PlanCurriculum;
  readonly itemsById: Map<number, StoredItem>;
  readonly requiredSlots: readonly (readonly number[])[];
  /** Its views capped at a finished cohort's weeks (`cappedAt`), by weeks: made once per version. */
  readonly capped: Map<number, CachedCurriculum>;
}

/**
 * The curriculum as a cohort that finished after `weeks` weeks keeps it (null: all of it): a re-import that
 * added weeks since gives it no new week, nothing due and no other end (PRODUCT.md: finished is final). Its
 * sections starting later are left out, and the last one kept ends at `weeks`; its version names the cap, so
 * its plans and schedules are cached apart from the whole curriculum's.
 */
function cappedAt(cached: CachedCurriculum, weeks: number | null): CachedCurriculum {
  if (weeks === null || weeks < 1 || weeks >= cached.curriculum.totalWeeks) return cached;
  const known = cached.capped.get(weeks);
  if (known !== undefined) return known;
  const curriculum: StoredCurriculum = {
    ...cached.curriculum,
    totalWeeks: weeks,
    sections: cached.curriculum.sections
      .filter((section) => section.weekStart <= weeks)
      .map((section) => (section.weekEnd <= weeks ? section : { ...section, weekEnd: weeks })),
  };
  const itemsById = new Map<number, StoredItem>();
  for (const section of curriculum.sections) for (const item of section.items) itemsById.set(item.id, item);
  const view: CachedCurriculum = {
    version: `${cached.version}|${weeks}w`,
    checkedAt: cached.checkedAt,
    curriculum,
    planCurriculum: toPlanCurriculum(curriculum),
    itemsById,
    requiredSlots: requiredSlots(itemsById.values()),
    capped: cached.capped,
  };
  cached.capped.set(weeks, view);
  return view;
}

/**
 * The plan is a pure function of (curriculum, settings); this caches the
 * loaded curricula, the plans and the post schedules so a /today or a
 * scheduler tick costs no recomputation. A plan is rebuilt only when its
 * inputs change: the curriculum's version (read again every
 * `versionCheckMs`, since another process may re-import it; a re-import in
 * this process invalidates at once) or the settings it depends on (start
 * date, study days, optional items, time zone, plan rule). Post schedules also depend
 * on the announce and checkpoint times, but not on the balancing, so the
 * scheduler never needs a plan just to know what is due. Misses are built
 * by the `PlanBuilder` (the app's balances big plans on a worker thread);
 * concurrent misses of one plan or schedule share one build.
 */
export class PlanService {
  private readonly curricula: WeightedLruCache<number, CachedCurriculum>;
  private readonly loading = new Map<number, Promise<CachedCurriculum>>();
  private readonly plans: WeightedLruCache<string, CachedPlan>;
  /** Builds in progress by plan key: concurrent misses of one plan share its build. */
  private readonly building = new Map<string, Promise<CachedPlan>>();
  /** Post schedules in progress by schedule key, shared the same way. */
  private readonly scheduling = new Map<string, Promise<readonly PlannedPost[]>>();
  private readonly schedules: WeightedLruCache<string, readonly PlannedPost[]>;
  private dropped = 0;

  constructor(
    private readonly curriculumRepository: Pick<CurriculumRepository, "load" | "version">,
    private readonly limits: PlanCacheLimits = defaultPlanCacheLimits,
    private readonly monotonicNow: () => number = () => performance.now(),
    private readonly builder: PlanBuilder = inlinePlanBuilder,
  ) {
    this.curricula = new WeightedLruCache(limits.curriculumWeight);
    this.plans = new WeightedLruCache(limits.planWeight);
    this.schedules = new WeightedLruCache(limits.scheduleWeight);
  }

  /** Drops cached data of a curriculum, after an import changed it. */
  invalidate(curriculumId: number): void {
    this.curricula.delete(curriculumId);
    this.dropDerived(curriculumId);
  }

  /** The cohort's context; a finished cohort's is its curriculum's first `Cohort.courseWeeks` weeks (see `cappedAt`). */
  async contextFor(cohort: Cohort): Promise<CohortContext> {
    return this.contextForSettings(cohort.curriculumId, cohort.settings, cohort.breakWeeks, finishedCourseWeeks(cohort));
  }

  async contextForSettings(
    curriculumId: number,
    settings: CohortSettings,
    breakWeeks: readonly number[] = [],
    courseWeeks: number | null = null,
  ): Promise<CohortContext> {
    const cached = cappedAt(await this.current(curriculumId), courseWeeks);
    const breaks = effectiveBreakWeeks(cached.planCurriculum.totalWeeks, breakWeeks);
    // A break changes every later date: it is part of the key, so `/cohort break` re-plans at once.
    const key = `${curriculumId}|${cached.version}|${settings.startDate}|${settings.studyDays.join(",")}|${settings.includeOptional}|${settings.timeZone}|${settings.planRule}|${breaks.join(",")}`;
    const entry = this.plans.get(key) ?? (await this.build(key, curriculumId, cached, settings, breaks));
    const planSource = planSourceOf(curriculumId, cached, settings);
    return {
      curriculum: cached.curriculum,
      planCurriculum: entry.calendar.curriculum,
      plan: entry.calendar.plan,
      basePlan: entry.basePlan,
      itemsById: cached.itemsById,
      requiredSlots: cached.requiredSlots,
      breakWeeks: entry.calendar.breakWeeks,
      planSource,
      hasEstimates: entry.hasEstimates,
    };
  }

  /**
   * A member's plan on the cohort's plan of `context` (`buildMemberPlan(member)`, `member.basePlan` being
   * `context.basePlan`), built by the `PlanBuilder`: the app's builds those of big cohorts on its worker.
   * Not cached here (MemberPlanMemo keeps them).
   */
  memberPlan(context: CohortContext, member: MemberPlanInput): Promise<MemberPlan> {
    return this.builder.memberPlan({ ...context.planSource, member });
  }

  private build(
    key: string,
    curriculumId: number,
    cached: CachedCurriculum,
    settings: CohortSettings,
    breakWeeks: readonly number[],
  ): Promise<CachedPlan> {
    return shareInFlight(this.building, key, async () => {
      const input = { ...planSourceOf(curriculumId, cached, settings), breakWeeks };
      const built = await this.builder.build(input);
      const { basePlan } = built;
      const entry = { ...built, hasEstimates: planHasEstimates(built.calendar.plan, cached.itemsById) };
      this.plans.set(key, entry, (basePlan.dayByDate.size + basePlan.assignedDateByItemId.size + 1) * (breakWeeks.length === 0 ? 1 : 2));
      return entry;
    });
  }

  /** Calendar weeks of the cohort's course (break weeks included), without building its plan. */
  async calendarWeeks(cohort: Cohort): Promise<number> {
    const cached = cappedAt(await this.current(cohort.curriculumId), finishedCourseWeeks(cohort));
    return cached.planCurriculum.totalWeeks + effectiveBreakWeeks(cached.planCurriculum.totalWeeks, cohort.breakWeeks).length;
  }

  /**
   * Every post the cohort gets, in the order they fall due, from the calendar
   * and its break weeks alone: no plan is built (breaks move whole weeks).
   */
  async postsFor(cohort: Cohort): Promise<readonly PlannedPost[]> {
    const cached = cappedAt(await this.current(cohort.curriculumId), finishedCourseWeeks(cohort));
    const breakWeeks = effectiveBreakWeeks(cached.planCurriculum.totalWeeks, cohort.breakWeeks);
    const key = `${cohort.curriculumId}|${cached.version}|${JSON.stringify(cohort.settings)}|${breakWeeks.join(",")}`;
    const known = this.schedules.get(key);
    if (known !== undefined) return known;
    return shareInFlight(this.scheduling, key, async () => {
      const posts = await this.builder.posts({ ...planSourceOf(cohort.curriculumId, cached, cohort.settings), breakWeeks });
      this.schedules.set(key, posts, posts.length + 1);
      return posts;
    });
  }

  /** The cached curriculum, its version checked again when the last check is older than `versionCheckMs`. */
  private async current(curriculumId: number): Promise<CachedCurriculum> {
    const cached = this.curricula.get(curriculumId);
    if (cached !== undefined && this.monotonicNow() - cached.checkedAt <= this.limits.versionCheckMs) return cached;
    // One check or load per curriculum at a time; concurrent callers share it.
    return shareInFlight(this.loading, curriculumId, () => this.refresh(curriculumId, cached));
  }

  private async refresh(curriculumId: number, cached: CachedCurriculum | undefined): Promise<CachedCurriculum> {
    const checkedAt = this.monotonicNow();
    // The version is read before the content: if an import lands in between, the next check sees a newer version and reloads.
    const version = await this.curriculumRepository.version(curriculumId);
    if (version === null) throw new Error(`curriculum ${curriculumId} is missing`);
    if (cached !== undefined && cached.version === version) {
      cached.checkedAt = checkedAt;
      return cached;
    }
    const curriculum = await this.curriculumRepository.load(curriculumId);
    if (curriculum === null) throw new Error(`curriculum ${curriculumId} is missing`);
    const itemsById = new Map<number, StoredItem>();
    for (const section of curriculum.sections) for (const item of section.items) itemsById.set(item.id, item);
    const planCurriculum = toPlanCurriculum(curriculum);
    const fresh: CachedCurriculum = {
      version,
      checkedAt,
      curriculum,
      planCurriculum,
      itemsById,
      requiredSlots: requiredSlots(itemsById.values()),
      capped: new Map(),
    };
    if (cached !== undefined) this.dropDerived(curriculumId);
    this.curricula.set(curriculumId, fresh, curriculum.sections.length + itemsById.size + 1);
    return fresh;
  }

  /**
   * Changes whenever a curriculum's cached plans and post schedules are dropped (an import here, or a
   * new version seen from another process): whoever remembers what a schedule said looks again.
   */
  get generation(): number {
    return this.dropped;
  }

  private dropDerived(curriculumId: number): void {
    this.dropped += 1;
    const prefix = `${curriculumId}|`;
    this.plans.deleteWhere((key) => key.startsWith(prefix));
    this.schedules.deleteWhere((key) => key.startsWith(prefix));
  }
}
