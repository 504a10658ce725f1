import { ApplicationCommandOptionType } from "discord.js";
import { DeferPolicy, type CommandDefinition, type SlashCommand } from "../src/discord/commandTypes.js";
import { cohortOption, guildOnly, itemOption } from "../src/discord/commandOptions.js";
import { memberAutocomplete } from "../src/discord/memberAutocomplete.js";
import { renderCompletion } from "../src/discord/render/renderCompletion.js";
import { readOptions } from "../src/discord/readOptions.js";
import { callerDisplayName } from "../src/discord/callerDisplayName.js";

const definition = {
  name: "done",
  description: "Log a reading item as finished",
  ...guildOnly,
  options: [
    itemOption,
    {
      type: ApplicationCommandOptionType.String,
      name: "when",
      description: "Today (default), or yesterday: counts for the previous study day's streak, without the on-time bonus",
      required: false,
      choices: [
        { name: "Today", value: "today" },
        { name: "Yesterday", value: "yesterday" },
      ],
    },
    cohortOption(false),
  ],
} as const satisfies CommandDefinition;

export const doneCommand: SlashCommand = {
  definition,
  defer: DeferPolicy.Auto,
  ephemeral: true,
  requiresManageServer: false,
  async execute({ services, clock, t, guildId }, interaction) {
    const options = readOptions(definition.options, interaction);
    const view = await services.study.complete({
      guildId,
      userId: interaction.user.id,
      callerName: callerDisplayName(interaction),
      cohort: options.cohort,
      item: options.item,
      when: options.when,
      now: clock.now(),
    });
    return renderCompletion(t, view);
  },
  autocomplete: (context, interaction) => memberAutocomplete(context, interaction),
};
