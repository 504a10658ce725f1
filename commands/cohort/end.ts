import { CohortStatus } from "../../src/domain/cohort/cohortModel.js";
import { cohortStatusSubcommand } from "../../src/discord/cohortStatusSubcommand.js";

export const { option, execute } = cohortStatusSubcommand(
  "end",
  "End a cohort for good: a closing leaderboard post, then no more posts or reminders",
  CohortStatus.Ended,
);
