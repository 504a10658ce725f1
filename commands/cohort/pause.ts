import { CohortStatus } from "../../src/domain/cohort/cohortModel.js";
import { cohortStatusSubcommand } from "../../src/discord/cohortStatusSubcommand.js";

export const { option, execute } = cohortStatusSubcommand(
  "pause",
  "Pause a cohort: no posts or reminders until resumed",
  CohortStatus.Paused,
);
