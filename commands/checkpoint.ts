import { DeferPolicy, type CommandDefinition, type SlashCommand } from "../src/discord/commandTypes.js";
import { cohortOption, guildOnly } from "../src/discord/commandOptions.js";
import { memberAutocomplete } from "../src/discord/memberAutocomplete.js";
import { renderCheckpoint } from "../src/discord/render/renderCheckpoint.js";
import { readOptions } from "../src/discord/readOptions.js";

const definition = {
  name: "checkpoint",
  description: "The current section's checkpoint, with buttons to rate how confident you feel",
  ...guildOnly,
  options: [cohortOption(false)],
} as const satisfies CommandDefinition;

export const checkpointCommand: SlashCommand = {
  definition,
  defer: DeferPolicy.Auto,
  ephemeral: true,
  requiresManageServer: false,
  async execute({ services, clock, t, guildId }, interaction) {
    const view = await services.checkpoints.current({
      guildId,
      userId: interaction.user.id,
      cohort: readOptions(definition.options, interaction).cohort,
      now: clock.now(),
    });
    return renderCheckpoint(t, view);
  },
  autocomplete: (context, interaction) => memberAutocomplete(context, interaction),
};
