import type { Announcer } from "./Announcer.js";
import type { ExportService } from "./ExportService.js";
import type { FacilitatorService } from "./FacilitatorService.js";
import type { NudgeService } from "./NudgeService.js";
import type { RosterService } from "./RosterService.js";
import type { CheckpointService } from "./CheckpointService.js";
import type { CohortBreakService } from "./CohortBreakService.js";
import type { CohortInfoService } from "./CohortInfoService.js";
import type { CohortService } from "./CohortService.js";
import type { CurriculumService } from "./CurriculumService.js";
import type { MemberPlanService } from "./MemberPlanService.js";
import type { PostService } from "./PostService.js";
import type { PrivacyService } from "./PrivacyService.js";
import type { ReminderService } from "./ReminderService.js";
import type { StudyService } from "./StudyService.js";

/** Every service the Discord layer, the scheduler and the CLI may call. */
export interface Services {
  readonly curricula: CurriculumService;
  readonly cohorts: CohortService;
  /** /cohort list and /cohort info. */
  readonly cohortInfo: CohortInfoService;
  readonly study: StudyService;
  /** A member's own plan: /pace, /break and the late joiner's choice. */
  readonly memberPlans: MemberPlanService;
  /** /checkpoint and the self-assessment buttons. */
  readonly checkpoints: CheckpointService;
  /** The cohort channel's posts (weekly assignment, checkpoints, closing): views shared by the scheduler, announce, preview, simulate. */
  readonly posts: PostService;
  /** Reminder DMs, and telling a member their reminders were switched off. */
  readonly reminders: ReminderService;
  /** /cohort announce and /cohort preview. */
  readonly announcements: Announcer;
  /** /cohort break. */
  readonly breaks: CohortBreakService;
  /** /privacy, and deleting a server's data after the bot left it. */
  readonly privacy: PrivacyService;
  // Facilitators: /cohort roster (and its Nudge buttons), audit, credit, export.
  readonly roster: RosterService;
  readonly nudges: NudgeService;
  readonly facilitators: FacilitatorService;
  readonly exports: ExportService;
}
