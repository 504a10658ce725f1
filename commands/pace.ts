import { ApplicationCommandOptionType } from "discord.js";
import { CATCH_UP_DAYS } from "../src/domain/schedule/catchUpSpread.js";
import { DeferPolicy, type CommandDefinition, type SlashCommand } from "../src/discord/commandTypes.js";
import { cohortOption, guildOnly } from "../src/discord/commandOptions.js";
import { renderPace, renderPaceChange } from "../src/discord/render/renderPace.js";
import { readOptions } from "../src/discord/readOptions.js";

const definition = {
  name: "pace",
  description: "How far behind or ahead you are; catch up, extend your calendar by a week, or reset it",
  ...guildOnly,
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: "mode",
      description: "What to change (leave out to see your pace)",
      required: false,
      choices: [
        { name: "Catch up", value: "catch_up" },
        { name: "Extend by a week", value: "extend" },
        { name: "Reset to the cohort's plan", value: "reset" },
      ],
    },
    {
      type: ApplicationCommandOptionType.Integer,
      name: "days",
      description: "Catch up over this many study days (default 5)",
      required: false,
      min_value: CATCH_UP_DAYS.min,
      max_value: CATCH_UP_DAYS.max,
    },
    cohortOption(false),
  ],
} as const satisfies CommandDefinition;

export const paceCommand: SlashCommand = {
  definition,
  defer: DeferPolicy.Auto,
  ephemeral: true,
  requiresManageServer: false,
  async execute({ services, clock, t, guildId }, interaction) {
    const options = readOptions(definition.options, interaction);
    const request = { guildId, userId: interaction.user.id, cohort: options.cohort, now: clock.now() };
    if (options.mode === null) return renderPace(t, await services.memberPlans.pace({ ...request, days: options.days }));
    return renderPaceChange(t, await services.memberPlans.changePace({ ...request, mode: options.mode, days: options.days }));
  },
  autocomplete: ({ services, guildId }, interaction) =>
    services.cohorts.suggest(guildId, interaction.user.id, interaction.options.getFocused(), "joined"),
};
