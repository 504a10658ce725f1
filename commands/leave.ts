import { DeferPolicy, type CommandDefinition, type SlashCommand } from "../src/discord/commandTypes.js";
import { cohortOption, guildOnly } from "../src/discord/commandOptions.js";
import { memberAutocomplete } from "../src/discord/memberAutocomplete.js";
import { renderLeave } from "../src/discord/render/renderMembership.js";

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
    const result = await services.cohorts.leave(guildId, interaction.user.id, interaction.options.getString("cohort", true), clock.now());
    return renderLeave(t, result);
  },
  autocomplete: (context, interaction) => memberAutocomplete(context, interaction),
};
