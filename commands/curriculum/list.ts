import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import { curriculumOption } from "../../src/discord/adminCommandOptions.js";
import type { HandlerContext, Reply } from "../../src/discord/commandTypes.js";
import type { SubcommandDefinition } from "../../src/discord/commandWithSubcommands.js";
import { renderCurriculumList } from "../../src/discord/render/renderCurriculumAdmin.js";
import { readOptions } from "../../src/discord/readOptions.js";

export const option = {
  type: ApplicationCommandOptionType.Subcommand,
  name: "list",
  description: "Curricula this server can use: built-in ones and its own imports",
  options: [curriculumOption(false, "Only this curriculum (default: every one this server can use)")],
} as const satisfies SubcommandDefinition;

export async function execute({ services, t, guildId }: HandlerContext, interaction: ChatInputCommandInteraction): Promise<Reply> {
  return renderCurriculumList(t, await services.curricula.listUsable(guildId, readOptions(option.options, interaction).curriculum));
}
