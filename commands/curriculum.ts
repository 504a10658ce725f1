import { autocompleteAdminOption } from "../src/discord/autocompleteAdminOption.js";
import { manageServerPermission } from "../src/discord/commandOptions.js";
import { DeferPolicy } from "../src/discord/commandTypes.js";
import { commandWithSubcommands, type Subcommand } from "../src/discord/commandWithSubcommands.js";
import * as importFile from "./curriculum/import.js";
import * as list from "./curriculum/list.js";
import * as show from "./curriculum/show.js";

const subcommands: readonly Subcommand[] = [list, show, importFile];

export const curriculumCommand = commandWithSubcommands({
  name: "curriculum",
  description: "List, show and import learning-path curricula (admins)",
  subcommands,
  defaultMemberPermissions: manageServerPermission,
  requiresManageServer: true,
  ephemeral: true,
  defer: DeferPolicy.Auto,
  autocomplete: autocompleteAdminOption,
});
