import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import type { HandlerContext, Reply } from "../../src/discord/commandTypes.js";
import type { SubcommandDefinition } from "../../src/discord/commandWithSubcommands.js";
import { renderCurriculumList } from "../../src/discord/render/renderCurriculumAdmin.js";

export const option = {
  type: ApplicationCommandOptionType.Subcommand,
  name: "list",
  description: "Curricula this server can use: built-in ones and its own imports",
} as const satisfies SubcommandDefinition;

export async function execute({ services, t, guildId }: HandlerContext, _interaction: ChatInputCommandInteraction): Promise<Reply> {
  return renderCurriculumList(t, await services.curricula.listUsable(guildId));
}
