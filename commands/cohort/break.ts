import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import { cohortOption } from "../../src/discord/commandOptions.js";
import type { HandlerContext, Reply } from "../../src/discord/commandTypes.js";
import type { SubcommandDefinition } from "../../src/discord/commandWithSubcommands.js";
import { renderBreakChange } from "../../src/discord/render/renderBreakChange.js";
import { readOptions } from "../../src/discord/readOptions.js";

export const option = {
  type: ApplicationCommandOptionType.Subcommand,
  name: "break",
  description: "Make a week a break: no reading, every later week moves one week later",
  options: [
    cohortOption(true, "The cohort"),
    {
      type: ApplicationCommandOptionType.Integer,
      name: "week",
      description: "The week that becomes a break (one that has not begun)",
      required: true,
      min_value: 1,
      max_value: 520,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: "undo",
      description: "True: the break week becomes a reading week again",
      required: false,
    },
  ],
} as const satisfies SubcommandDefinition;

export async function execute({ services, clock, t, guildId }: HandlerContext, interaction: ChatInputCommandInteraction): Promise<Reply> {
  const options = readOptions(option.options, interaction);
  const view = await services.breaks.change({
    guildId,
    cohort: options.cohort,
    week: options.week,
    undo: options.undo ?? false,
    now: clock.now(),
    actorId: interaction.user.id,
  });
  return renderBreakChange(t, view);
}
