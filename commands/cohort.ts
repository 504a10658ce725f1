import { autocompleteAdminOption } from "../src/discord/autocompleteAdminOption.js";
import { manageServerPermission } from "../src/discord/commandOptions.js";
import { DeferPolicy } from "../src/discord/commandTypes.js";
import { commandWithSubcommands, type Subcommand } from "../src/discord/commandWithSubcommands.js";
import * as announce from "./cohort/announce.js";
import * as breakWeek from "./cohort/break.js";
import * as audit from "./cohort/audit.js";
import * as credit from "./cohort/credit.js";
import * as exportCohort from "./cohort/export.js";
import * as roster from "./cohort/roster.js";
import * as create from "./cohort/create.js";
import * as edit from "./cohort/edit.js";
import * as end from "./cohort/end.js";
import * as info from "./cohort/info.js";
import * as list from "./cohort/list.js";
import * as pause from "./cohort/pause.js";
import * as preview from "./cohort/preview.js";
import * as resume from "./cohort/resume.js";

/**
 * Adding a sub-command: a file in commands/cohort/ exporting `option` (its
 * JSON) and `execute` (optionally `autocomplete`, `defer`), then one import
 * and one entry in this list.
 */
const subcommands: readonly Subcommand[] = [
  create,
  list,
  info,
  edit,
  pause,
  resume,
  end,
  announce,
  preview,
  breakWeek,
  // Facilitators.
  roster,
  credit,
  audit,
  exportCohort,
];

export const cohortCommand = commandWithSubcommands({
  name: "cohort",
  description: "Create and run this server's study cohorts (admins)",
  subcommands,
  defaultMemberPermissions: manageServerPermission,
  requiresManageServer: true,
  ephemeral: true,
  defer: DeferPolicy.Auto,
  autocomplete: autocompleteAdminOption,
});
