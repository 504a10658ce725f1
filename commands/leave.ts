import { DeferPolicy, type CommandDefinition, type SlashCommand } from "../src/discord/commandTypes.js";
import { cohortOption, guildOnly } from "../src/discord/commandOptions.js";
import { memberAutocomplete } from "../src/discord/memberAutocomplete.js";
import { renderLeave } from "../src/discord/render/renderMembership.js";
import { readOptions } from "../src/discord/readOptions.js";

const definition = {
  name: "leave",
  description: "Leave a cohort: you leave its leaderboard, your history is kept",
  ...guildOnly,
  options: [cohortOption(true, "The cohort to leave")],
} as const satisfies CommandDefinition;

export const leaveCommand: SlashCommand = {
  definition,
  defer: DeferPolicy.Auto,
  ephemeral: true,
  requiresManageServer: false,
  async execute({ services, clock, t, guildId }, interaction) {
    const result = await services.cohorts.leave(
      guildId,
      interaction.user.id,
      readOptions(definition.options, interaction).cohort,
      clock.now(),
    );
    return renderLeave(t, result);
  },
  autocomplete: (context, interaction) => memberAutocomplete(context, interaction),
};
