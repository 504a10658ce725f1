import { CohortStatus } from "../../src/domain/cohort/cohortModel.js";
import { cohortStatusSubcommand } from "../../src/discord/cohortStatusSubcommand.js";

export const { option, execute } = cohortStatusSubcommand("resume", "Resume a paused cohort", CohortStatus.Active);
