import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import type { HandlerContext, Reply } from "../../src/discord/commandTypes.js";
import type { SubcommandDefinition } from "../../src/discord/commandWithSubcommands.js";
import { renderCohortList } from "../../src/discord/render/renderCohortAdmin.js";

export const option = {
  type: ApplicationCommandOptionType.Subcommand,
  name: "list",
  description: "Every cohort of this server with its status",
} as const satisfies SubcommandDefinition;

export async function execute({ services, clock, t, guildId }: HandlerContext, _interaction: ChatInputCommandInteraction): Promise<Reply> {
  return renderCohortList(t, await services.cohortInfo.list(guildId, clock.now()));
}
