import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import { cohortOption } from "../../src/discord/commandOptions.js";
import type { HandlerContext, Reply } from "../../src/discord/commandTypes.js";
import type { SubcommandDefinition } from "../../src/discord/commandWithSubcommands.js";
import { renderPreview } from "../../src/discord/render/renderPreview.js";
import { readOptions } from "../../src/discord/readOptions.js";

export const option = {
  type: ApplicationCommandOptionType.Subcommand,
  name: "preview",
  description: "See exactly what the bot will post for a week (only you see it)",
  options: [
    cohortOption(true, "The cohort"),
    {
      type: ApplicationCommandOptionType.Integer,
      name: "week",
      description: "Week number (default: the next weekly post)",
      required: false,
      min_value: 1,
      max_value: 520,
    },
  ],
} as const satisfies SubcommandDefinition;

export async function execute({ services, clock, t, guildId }: HandlerContext, interaction: ChatInputCommandInteraction): Promise<Reply> {
  const options = readOptions(option.options, interaction);
  const preview = await services.announcements.preview({
    guildId,
    cohort: options.cohort,
    week: options.week,
    now: clock.now(),
  });
  return renderPreview(t, preview, services.cohortInfo.heldChannel(preview.cohort));
}
