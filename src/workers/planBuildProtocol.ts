/**
 * The messages between PlanBuildThread (main thread) and planBuildWorker (its worker), in a module of
 * their own: importing them must not load the worker's program, which answers messages wherever it
 * finds a parent port.
 */
import type { MemberPlanInput } from "../domain/schedule/memberPlan.js";
import type { MemberPlanRecord } from "../domain/schedule/recordedMemberPlan.js";
import type { CohortSettings, PlanCurriculum, PlannedPost } from "../domain/schedule/scheduleTypes.js";

export const PlanTask = {
  /** The days `balanceItems` chooses (`recordBalancing`). */
  Balance: "balance",
  /** The cohort's posts, its break weeks applied (`cohortPlannedPosts`). */
  Posts: "posts",
  /** A member's plan on the cohort's plan (`buildMemberPlan`), as its record (`recordMemberPlan`). */
  MemberPlan: "memberPlan",
} as const;
export type PlanTask = (typeof PlanTask)[keyof typeof PlanTask];

export interface PlanBuildRequest {
  readonly id: number;
  readonly task: PlanTask;
  /** Identifies the curriculum and its version; `curriculum` comes with it the first time (or when asked again). */
  readonly curriculumKey: string;
  readonly curriculum?: PlanCurriculum | undefined;
  /** Everything the plan is built from beside the curriculum, the cohort's plan rule included (the worker keys its kept plans by it). */
  readonly settings: CohortSettings;
  /** Posts: the cohort's effective break weeks, ascending. */
  readonly breakWeeks?: readonly number[] | undefined;
  /** MemberPlan: the member's inputs; the cohort plan is the one of the curriculum and settings. */
  readonly member?: Omit<MemberPlanInput, "basePlan"> | undefined;
}

export type PlanBuildReply =
  | { readonly id: number; readonly threadId: number; readonly outcome: "built"; readonly chosenDays: Int32Array }
  | { readonly id: number; readonly threadId: number; readonly outcome: "posted"; readonly posts: readonly PlannedPost[] }
  | { readonly id: number; readonly threadId: number; readonly outcome: "memberPlanned"; readonly record: MemberPlanRecord }
  | { readonly id: number; readonly threadId: number; readonly outcome: "unknownCurriculum" }
  | { readonly id: number; readonly threadId: number; readonly outcome: "failed"; readonly message: string };
