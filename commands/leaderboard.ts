import { ApplicationCommandOptionType } from "discord.js";
import { DeferPolicy, type CommandDefinition, type SlashCommand } from "../src/discord/commandTypes.js";
import { cohortOption, guildOnly } from "../src/discord/commandOptions.js";
import { memberAutocomplete } from "../src/discord/memberAutocomplete.js";
import { renderLeaderboard } from "../src/discord/render/renderLeaderboard.js";
import { LeaderboardPeriod, LeaderboardScope } from "../src/services/StudyService.js";
import { readOptions } from "../src/discord/readOptions.js";
import { callerDisplayName } from "../src/discord/callerDisplayName.js";

const definition = {
  name: "leaderboard",
  description: "The cohort's ranking: public, or private when the board or your privacy says so",
  ...guildOnly,
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: "period",
      description: "This week (default) or all time",
      required: false,
      choices: [
        { name: "This week", value: LeaderboardPeriod.Week },
        { name: "All time", value: LeaderboardPeriod.All },
      ],
    },
    {
      type: ApplicationCommandOptionType.String,
      name: "view",
      description: "The top ten (default) or you with the two members above and below",
      required: false,
      choices: [
        { name: "Top", value: LeaderboardScope.Top },
        { name: "Near me", value: LeaderboardScope.Near },
      ],
    },
    cohortOption(false),
  ],
} as const satisfies CommandDefinition;

export const leaderboardCommand: SlashCommand = {
  definition,
  defer: DeferPolicy.Auto,
  // Public: the whole channel sees the board, unless the privacy rule makes the reply private (renderLeaderboard).
  ephemeral: false,
  requiresManageServer: false,
  async execute({ services, clock, t, guildId }, interaction) {
    const options = readOptions(definition.options, interaction);
    const view = await services.study.leaderboard({
      guildId,
      userId: interaction.user.id,
      callerName: callerDisplayName(interaction),
      cohort: options.cohort,
      period: options.period ?? LeaderboardPeriod.Week,
      scope: options.view ?? LeaderboardScope.Top,
      now: clock.now(),
    });
    return renderLeaderboard(t, view);
  },
  autocomplete: (context, interaction) => memberAutocomplete(context, interaction),
};
