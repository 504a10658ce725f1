import { ApplicationCommandOptionType } from "discord.js";
import { DeferPolicy, type CommandDefinition, type SlashCommand } from "../src/discord/commandTypes.js";
import { cohortOption, guildOnly } from "../src/discord/commandOptions.js";
import { renderBreak } from "../src/discord/render/renderBreak.js";
import { readOptions } from "../src/discord/readOptions.js";

const definition = {
  name: "break",
  description: "Take days off: no reminders, and your streak waits (ending at most 28 days after they start)",
  ...guildOnly,
  options: [
    { type: ApplicationCommandOptionType.String, name: "from", description: "First day off, YYYY-MM-DD", required: true, max_length: 20 },
    {
      type: ApplicationCommandOptionType.String,
      name: "to",
      description: "Last day off, YYYY-MM-DD (at most 28 days after from)",
      required: true,
      max_length: 20,
    },
    { type: ApplicationCommandOptionType.Boolean, name: "off", description: "True ends your break in these dates", required: false },
    cohortOption(false),
  ],
} as const satisfies CommandDefinition;

export const breakCommand: SlashCommand = {
  definition,
  defer: DeferPolicy.Auto,
  ephemeral: true,
  requiresManageServer: false,
  async execute({ services, clock, t, guildId }, interaction) {
    const options = readOptions(definition.options, interaction);
    const view = await services.memberPlans.personalBreak({
      guildId,
      userId: interaction.user.id,
      cohort: options.cohort,
      now: clock.now(),
      from: options.from,
      to: options.to,
      off: options.off === true,
    });
    return renderBreak(t, view);
  },
  autocomplete: ({ services, guildId }, interaction) =>
    services.cohorts.suggest(guildId, interaction.user.id, interaction.options.getFocused(), "joined"),
};
