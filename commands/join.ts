import { DeferPolicy, type CommandDefinition, type SlashCommand } from "../src/discord/commandTypes.js";
import { cohortOption, guildOnly } from "../src/discord/commandOptions.js";
import { renderJoin } from "../src/discord/render/renderMembership.js";
import { readOptions } from "../src/discord/readOptions.js";
import { callerRoleIds } from "../src/discord/callerRoleIds.js";
import { callerDisplayName } from "../src/discord/callerDisplayName.js";

const definition = {
  name: "join",
  description: "Join a study cohort of this server",
  ...guildOnly,
  options: [cohortOption(true, "The cohort to join")],
} as const satisfies CommandDefinition;

export const joinCommand: SlashCommand = {
  definition,
  defer: DeferPolicy.Auto,
  ephemeral: true,
  requiresManageServer: false,
  async execute({ services, clock, t, guildId }, interaction) {
    const result = await services.cohorts.join(
      guildId,
      interaction.user.id,
      callerDisplayName(interaction),
      readOptions(definition.options, interaction).cohort,
      clock.now(),
      // Their roles came with the command: whether they hold an exclude_role needs no request to Discord.
      callerRoleIds(interaction) ?? undefined,
      // Their DMs (reminders, nudges) follow it, as private replies do.
      interaction.locale,
    );
    return renderJoin(t, result);
  },
  autocomplete: ({ services, clock, guildId }, interaction) =>
    services.cohorts.suggestJoinable(guildId, interaction.user.id, interaction.options.getFocused(), clock.now()),
};
