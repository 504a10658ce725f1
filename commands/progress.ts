import { ApplicationCommandOptionType } from "discord.js";
import { DeferPolicy, type CommandDefinition, type SlashCommand } from "../src/discord/commandTypes.js";
import { cohortOption, guildOnly } from "../src/discord/commandOptions.js";
import { memberAutocomplete } from "../src/discord/memberAutocomplete.js";
import { renderProgress } from "../src/discord/render/renderProgress.js";
import { readOptions } from "../src/discord/readOptions.js";

const definition = {
  name: "progress",
  description: "Where you (or another member) stand: items, minutes, sections, streak, points, rank",
  ...guildOnly,
  options: [
    {
      type: ApplicationCommandOptionType.User,
      name: "member",
      description: "Another member of the cohort (default: you)",
      required: false,
    },
    cohortOption(false),
  ],
} as const satisfies CommandDefinition;

export const progressCommand: SlashCommand = {
  definition,
  defer: DeferPolicy.Auto,
  ephemeral: true,
  requiresManageServer: false,
  async execute({ services, clock, t, guildId }, interaction) {
    const options = readOptions(definition.options, interaction);
    const view = await services.study.progress({
      guildId,
      userId: interaction.user.id,
      cohort: options.cohort,
      targetUserId: options.member?.id ?? null,
      now: clock.now(),
    });
    return renderProgress(t, view);
  },
  autocomplete: (context, interaction) => memberAutocomplete(context, interaction),
};
