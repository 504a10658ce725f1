import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import { curriculumOption } from "../../src/discord/adminCommandOptions.js";
import type { HandlerContext, Reply } from "../../src/discord/commandTypes.js";
import type { SubcommandDefinition } from "../../src/discord/commandWithSubcommands.js";
import { renderCurriculumOutline } from "../../src/discord/render/renderCurriculumAdmin.js";
import { readOptions } from "../../src/discord/readOptions.js";

export const option = {
  type: ApplicationCommandOptionType.Subcommand,
  name: "show",
  description: "A curriculum's outline: sections, weeks and items",
  options: [curriculumOption(false, "Curriculum (optional when there is only one)")],
} as const satisfies SubcommandDefinition;

export async function execute({ services, t, guildId }: HandlerContext, interaction: ChatInputCommandInteraction): Promise<Reply> {
  return renderCurriculumOutline(t, await services.curricula.outline(guildId, readOptions(option.options, interaction).curriculum));
}
