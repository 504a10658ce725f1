import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import { cohortOption } from "../../src/discord/commandOptions.js";
import type { HandlerContext, Reply } from "../../src/discord/commandTypes.js";
import type { SubcommandDefinition } from "../../src/discord/commandWithSubcommands.js";
import { renderCohortInfo } from "../../src/discord/render/renderCohortAdmin.js";
import { readOptions } from "../../src/discord/readOptions.js";

export const option = {
  type: ApplicationCommandOptionType.Subcommand,
  name: "info",
  description: "A cohort's settings, members, status and next posts",
  options: [cohortOption(false, "Cohort (optional when the server has only one)")],
} as const satisfies SubcommandDefinition;

export async function execute({ services, clock, t, guildId }: HandlerContext, interaction: ChatInputCommandInteraction): Promise<Reply> {
  return renderCohortInfo(t, await services.cohortInfo.info(guildId, readOptions(option.options, interaction).cohort, clock.now()));
}
