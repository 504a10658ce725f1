import { DeferPolicy, type CommandDefinition, type SlashCommand } from "../src/discord/commandTypes.js";
import { cohortOption, guildOnly } from "../src/discord/commandOptions.js";
import { renderToday } from "../src/discord/render/renderToday.js";
import { readOptions } from "../src/discord/readOptions.js";
import { callerDisplayName } from "../src/discord/callerDisplayName.js";

const definition = {
  name: "today",
  description: "Today's reading: items, overdue items, minutes, and buttons to mark them done",
  ...guildOnly,
  options: [cohortOption(false)],
} as const satisfies CommandDefinition;

export const todayCommand: SlashCommand = {
  definition,
  defer: DeferPolicy.Auto,
  ephemeral: true,
  requiresManageServer: false,
  async execute({ services, clock, t, guildId }, interaction) {
    const view = await services.study.today({
      guildId,
      userId: interaction.user.id,
      callerName: callerDisplayName(interaction),
      cohort: readOptions(definition.options, interaction).cohort,
      now: clock.now(),
    });
    return renderToday(t, view);
  },
  autocomplete: ({ services, guildId }, interaction) =>
    services.cohorts.suggest(guildId, interaction.user.id, interaction.options.getFocused(), "joined"),
};
