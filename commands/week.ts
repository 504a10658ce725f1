import { ApplicationCommandOptionType } from "discord.js";
import { DeferPolicy, type CommandDefinition, type SlashCommand } from "../src/discord/commandTypes.js";
import { cohortOption, guildOnly } from "../src/discord/commandOptions.js";
import { memberAutocomplete } from "../src/discord/memberAutocomplete.js";
import { renderWeek } from "../src/discord/render/renderWeek.js";
import { readOptions } from "../src/discord/readOptions.js";

const definition = {
  name: "week",
  description: "A week's reading plan: sections, items by day, total time",
  ...guildOnly,
  options: [
    {
      type: ApplicationCommandOptionType.Integer,
      name: "number",
      description: "Week number (default: the current week)",
      required: false,
      min_value: 1,
      max_value: 520,
    },
    cohortOption(false),
  ],
} as const satisfies CommandDefinition;

export const weekCommand: SlashCommand = {
  definition,
  defer: DeferPolicy.Auto,
  ephemeral: true,
  requiresManageServer: false,
  async execute({ services, clock, t, guildId }, interaction) {
    const options = readOptions(definition.options, interaction);
    const view = await services.study.week({
      guildId,
      userId: interaction.user.id,
      cohort: options.cohort,
      weekNumber: options.number,
      now: clock.now(),
    });
    return renderWeek(t, view);
  },
  autocomplete: (context, interaction) => memberAutocomplete(context, interaction),
};
