import type { ButtonHandler, SlashCommand } from "../src/discord/commandTypes.js";
import { commandLocales } from "../src/discord/i18n/languages.js";
import { localizeCommand } from "../src/discord/i18n/localizeCommand.js";
import { checkpointButton } from "./buttons/checkpointButton.js";
import { doneButton } from "./buttons/doneButton.js";
import { lateJoinButton } from "./buttons/lateJoinButton.js";
import { paceButton } from "./buttons/paceButton.js";
import { breakCommand } from "./break.js";
import { privacyDeleteButton } from "./buttons/privacyDeleteButton.js";
import { importButton } from "./buttons/importButton.js";
import { nudgeButton } from "./buttons/nudgeButton.js";
import { rosterPageButton } from "./buttons/rosterPageButton.js";
import { auditPageButton } from "./buttons/auditPageButton.js";
import { checkpointCommand } from "./checkpoint.js";
import { cohortCommand } from "./cohort.js";
import { curriculumCommand } from "./curriculum.js";
import { doneCommand } from "./done.js";
import { joinCommand } from "./join.js";
import { leaderboardCommand } from "./leaderboard.js";
import { leaveCommand } from "./leave.js";
import { paceCommand } from "./pace.js";
import { privacyCommand } from "./privacy.js";
import { progressCommand } from "./progress.js";
import { remindCommand } from "./remind.js";
import { todayCommand } from "./today.js";
import { undoCommand } from "./undo.js";
import { weekCommand } from "./week.js";

/** Adds every shipped language's names and descriptions to a command's definition. */
function localized(command: SlashCommand): SlashCommand {
  return { ...command, definition: localizeCommand(command.definition, commandLocales) };
}

/** Every slash command the bot registers (with its localizations), in the order Discord lists them. */
export const slashCommands: readonly SlashCommand[] = [
  todayCommand,
  doneCommand,
  undoCommand,
  weekCommand,
  progressCommand,
  paceCommand,
  breakCommand,
  leaderboardCommand,
  checkpointCommand,
  joinCommand,
  leaveCommand,
  remindCommand,
  privacyCommand,
  cohortCommand,
  curriculumCommand,
].map(localized);

/** Every button family, by custom-id prefix. */
export const buttonHandlers: readonly ButtonHandler[] = [
  doneButton,
  checkpointButton,
  paceButton,
  lateJoinButton,
  privacyDeleteButton,
  importButton,
  rosterPageButton,
  auditPageButton,
  nudgeButton,
];
