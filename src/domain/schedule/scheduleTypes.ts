/**
 * Inputs and outputs of the schedule: plain data, no Discord, no database.
 * Dates are cohort-local "YYYY-MM-DD" strings; weekdays are ISO (1 = Monday … 7 = Sunday).
 */

export type PlanItemKind = "Required" | "Optional" | "Reference";

export interface PlanItem {
  readonly id: number;
  readonly key: string;
  readonly title: string;
  readonly kind: PlanItemKind;
  /** Estimated minutes; null when the curriculum gives none. */
  readonly minutes: number | null;
  readonly sectionKey: string;
  /** Order inside the section (curriculum order). */
  readonly position: number;
  /** Sub-group the item sits under; for a track, its "choose one" group. */
  readonly group?: string | null;
  /** "Choose one" track ("Python Path"), if any: the tracks of one group are assigned as one slot (`choiceSlots.ts`). */
  readonly track?: string | null;
  /** On a "choose one" slot only: its tracks in curriculum order; completing any one completes the slot. */
  readonly choice?: readonly PlanItem[];
}

export interface PlanSection {
  readonly key: string;
  readonly title: string;
  readonly weekStart: number;
  readonly weekEnd: number;
  readonly checkpoint: string | null;
  /** Order inside the curriculum. */
  readonly position: number;
  readonly items: readonly PlanItem[];
}

export interface PlanCurriculum {
  readonly totalWeeks: number;
  readonly sections: readonly PlanSection[];
}

export interface CohortSettings {
  /** Cohort-local first day of week 1, "YYYY-MM-DD". */
  readonly startDate: string;
  /** IANA time zone. */
  readonly timeZone: string;
  /** ISO weekdays members study on. */
  readonly studyDays: readonly number[];
  readonly includeOptional: boolean;
  /** ISO weekday of the weekly assignment post. */
  readonly announceDay: number;
  /** "HH:MM" cohort-local. */
  readonly announceTime: string;
  /** "HH:MM" cohort-local. */
  readonly checkpointTime: string;
  /**
   * Which rules spread a section's items over its days (`balanceItems`): a cohort keeps the rule it was created
   * under, so a change of rule never moves a running cohort's days (members' due dates, overdue counts). The
   * stored number as read: one this version does not know (a newer version's, after a rollback) is refused only
   * when that cohort's plan is built (`planRuleOf`, UnknownPlanRuleError), so the other cohorts are unaffected.
   */
  readonly planRule: number;
}

/**
 * Plan rules: 1 places sections in curriculum order and spaces a section with fewer items than study days by
 * position alone; 2 (from 2026-12-07) places those sparse sections after the others (each group in curriculum
 * order) and spreads their items around what overlapping sections already put on those days (`spreadFewItems`).
 */
export type PlanRule = 1 | 2;
export const PLAN_RULES: readonly PlanRule[] = [1, 2];
/** The rule new cohorts get. */
export const CURRENT_PLAN_RULE: PlanRule = 2;

/** A cohort's stored plan rule is one this version does not know: its plan is refused rather than built by another rule. */
export class UnknownPlanRuleError extends RangeError {
  constructor(readonly planRule: number) {
    super(`Unknown plan rule ${planRule}`);
    this.name = "UnknownPlanRuleError";
  }
}

/** A stored plan rule; a number this version does not know is refused (UnknownPlanRuleError) rather than planned by another rule. */
export function planRuleOf(value: number): PlanRule {
  const rule = PLAN_RULES.find((known) => known === value);
  if (rule === undefined) throw new UnknownPlanRuleError(value);
  return rule;
}

export const DEFAULT_STUDY_DAYS: readonly number[] = [1, 2, 3, 4, 5];
export const DEFAULT_ANNOUNCE_DAY = 1;
export const DEFAULT_ANNOUNCE_TIME = "09:00";
export const DEFAULT_CHECKPOINT_TIME = "17:00";

/** Everything but the start date, as the product's defaults. */
export const DEFAULT_COHORT_SETTINGS = {
  timeZone: "UTC",
  studyDays: DEFAULT_STUDY_DAYS,
  includeOptional: false,
  announceDay: DEFAULT_ANNOUNCE_DAY,
  announceTime: DEFAULT_ANNOUNCE_TIME,
  checkpointTime: DEFAULT_CHECKPOINT_TIME,
  planRule: CURRENT_PLAN_RULE,
} as const satisfies Omit<CohortSettings, "startDate">;

/** A plan item with the cohort-local day it is assigned to. */
export interface AssignedItem extends PlanItem {
  readonly assignedDate: string;
}

export interface PlanDay {
  readonly date: string;
  /** ISO weekday of `date`. */
  readonly weekday: number;
  /** Items of every section read that day, sections in curriculum order, items in section order. */
  readonly items: readonly AssignedItem[];
  /** Sum of the estimates that exist; items without one are counted in `unestimatedItems`. */
  readonly minutes: number;
  readonly unestimatedItems: number;
}

export interface PlanWeek {
  /** 1-based. */
  readonly number: number;
  readonly startDate: string;
  /** Exclusive: startDate + 7 days. */
  readonly endDate: string;
  /** Sections whose week range includes this week. */
  readonly sections: readonly PlanSection[];
  /** Study days of the week in date order (days without items included). */
  readonly days: readonly PlanDay[];
  readonly totalMinutes: number;
  readonly unestimatedItems: number;
}

export interface CohortPlan {
  readonly startDate: string;
  readonly timeZone: string;
  readonly totalWeeks: number;
  readonly studyDays: readonly number[];
  readonly weeks: readonly PlanWeek[];
  readonly dayByDate: ReadonlyMap<string, PlanDay>;
  readonly assignedDateByItemId: ReadonlyMap<number, string>;
  /** Reference items of every section (empty list when it has none), in curriculum order; never assigned. */
  readonly referenceItemsBySection: ReadonlyMap<string, readonly PlanItem[]>;
}

export type PlannedPostKind = "week" | "checkpoint" | "closing";

export interface PlannedPost {
  readonly kind: PlannedPostKind;
  /** Stable identity of the post inside the cohort: "week-3", "checkpoint-<sectionKey>", "closing". */
  readonly period: string;
  readonly dueAt: Date;
  /** Cohort-local date and wall time of `dueAt`. */
  readonly localDate: string;
  readonly localTime: string;
  /** The week announced ("week"), or the section's final week ("checkpoint"). */
  readonly weekNumber?: number;
  readonly sectionKey?: string;
}
