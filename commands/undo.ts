import { DeferPolicy, type CommandDefinition, type SlashCommand } from "../src/discord/commandTypes.js";
import { cohortOption, guildOnly, itemOption } from "../src/discord/commandOptions.js";
import { memberAutocomplete } from "../src/discord/memberAutocomplete.js";
import { renderUndo } from "../src/discord/render/renderCompletion.js";
import { readOptions } from "../src/discord/readOptions.js";

const definition = {
  name: "undo",
  description: "Take back a completion you logged by mistake (its points go too)",
  ...guildOnly,
  options: [{ ...itemOption, description: "An item you marked as done (start typing to search)" }, cohortOption(false)],
} as const satisfies CommandDefinition;

export const undoCommand: SlashCommand = {
  definition,
  defer: DeferPolicy.Auto,
  ephemeral: true,
  requiresManageServer: false,
  async execute({ services, clock, t, guildId }, interaction) {
    const options = readOptions(definition.options, interaction);
    const view = await services.study.undo({
      guildId,
      userId: interaction.user.id,
      cohort: options.cohort,
      item: options.item,
      now: clock.now(),
    });
    return renderUndo(t, view);
  },
  autocomplete: (context, interaction) => memberAutocomplete(context, interaction, { onlyDone: true }),
};
