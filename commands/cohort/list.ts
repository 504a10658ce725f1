import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import { cohortOption } from "../../src/discord/commandOptions.js";
import type { HandlerContext, Reply } from "../../src/discord/commandTypes.js";
import type { SubcommandDefinition } from "../../src/discord/commandWithSubcommands.js";
import { renderCohortList } from "../../src/discord/render/renderCohortAdmin.js";
import { readOptions } from "../../src/discord/readOptions.js";

export const option = {
  type: ApplicationCommandOptionType.Subcommand,
  name: "list",
  description: "Every cohort of this server with its status",
  options: [cohortOption(false, "Only this cohort (default: every cohort of the server)")],
} as const satisfies SubcommandDefinition;

export async function execute({ services, clock, t, guildId }: HandlerContext, interaction: ChatInputCommandInteraction): Promise<Reply> {
  const { cohort } = readOptions(option.options, interaction);
  return renderCohortList(t, await services.cohortInfo.list(guildId, clock.now(), cohort), cohort !== null);
}
