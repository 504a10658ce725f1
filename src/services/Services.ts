import type { CohortService } from "./CohortService.js";
import type { CurriculumService } from "./CurriculumService.js";
import type { StudyService } from "./StudyService.js";

/** Every service the Discord layer, the scheduler and the CLI may call. */
export interface Services {
  readonly curricula: CurriculumService;
  readonly cohorts: CohortService;
  readonly study: StudyService;
}
